package md.migratiesigura.portal.web.admin;

import java.util.Map;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.util.lang.Bytes;

/**
 * The back office's form that uploads one CSV file to preview an import (the agency registry, the hotline register):
 * multipart, capped at the importer's size, an empty or missing file and a file over the cap each answered with the
 * page's own message. The page's markup holds the form with a file input {@code wicket:id="file"}.
 */
public abstract class CsvUploadForm extends Form<Void> {

    private final FileUploadField file = new FileUploadField("file");
    private final String keys;

    /**
     * @param keys     the prefix of the page's messages: {@code keys + ".file"} (the field's label),
     *                 {@code keys + ".noFile"}, {@code keys + ".tooLarge"}
     * @param maxBytes the largest file the importer takes
     */
    protected CsvUploadForm(String id, String keys, int maxBytes) {
        super(id);
        this.keys = keys;
        file.setLabel(() -> getString(keys + ".file"));
        setMultiPart(true);
        // The rest of the form is a few hundred bytes. Jetty caps every body at its own limit besides.
        setFileMaxSize(Bytes.bytes(maxBytes));
        setMaxSize(Bytes.bytes(maxBytes + 64 * 1024L));
        add(file);
    }

    /** Called with the uploaded file's bytes and its name as the browser gave it. */
    protected abstract void onFile(byte[] bytes, String fileName);

    /** Called before anything is read, and when the file is missing or refused: the page forgets its preview. */
    protected abstract void onNoPreview();

    @Override
    protected void onSubmit() {
        FileUpload upload = file.getFileUpload();
        onNoPreview();
        if (upload == null || upload.getSize() == 0) {
            error(getString(keys + ".noFile"));
            return;
        }
        try {
            onFile(upload.getBytes(), upload.getClientFileName());
        } finally {
            upload.closeStreams();
        }
    }

    @Override
    protected void onFileUploadException(FileUploadException e, Map<String, Object> model) {
        // Over the cap: refused while the request is read, so nothing is previewed.
        onNoPreview();
        error(getString(keys + ".tooLarge"));
    }
}
