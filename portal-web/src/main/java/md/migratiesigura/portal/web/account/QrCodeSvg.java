package md.migratiesigura.portal.web.account;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.wicket.WicketRuntimeException;
import org.apache.wicket.markup.ComponentTag;
import org.apache.wicket.markup.MarkupStream;
import org.apache.wicket.markup.html.WebComponent;
import org.apache.wicket.model.IModel;
import org.apache.wicket.util.string.Strings;

/**
 * A QR code drawn on the server (ZXing) as inline SVG inside its tag: the dark modules as one path on a white square
 * with the four-module quiet zone, so that it scans in a dark theme too. No script, no style attribute (the page's
 * Content-Security-Policy allows none) and nothing fetched. Its accessible name is the given label. The text is read
 * from the model while rendering and the SVG is written straight to the response: neither is kept in the page,
 * which matters when the text is an otpauth address holding a secret.
 */
public class QrCodeSvg extends WebComponent {

    private static final int QUIET_ZONE = 4;

    private final IModel<String> label;

    public QrCodeSvg(String id, IModel<String> text, IModel<String> label) {
        super(id, text);
        this.label = label;
    }

    @Override
    protected void onConfigure() {
        super.onConfigure();
        setVisible(!Strings.isEmpty((String) getDefaultModelObject()));
    }

    @Override
    public void onComponentTagBody(MarkupStream markupStream, ComponentTag openTag) {
        replaceComponentTagBody(markupStream, openTag, svg((String) getDefaultModelObject(), label.getObject()));
    }

    @Override
    protected void onDetach() {
        label.detach();
        super.onDetach();
    }

    /** The SVG of a QR code (error correction M) for the text, named by the label. */
    static String svg(String text, String label) {
        ByteMatrix modules;
        try {
            // An ASCII text (an otpauth address is percent-encoded) needs no character-set marker, which some
            // older scanners do not understand.
            Map<EncodeHintType, ?> hints = StandardCharsets.US_ASCII.newEncoder().canEncode(text)
                    ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            modules = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new WicketRuntimeException("the text does not fit in a QR code", e);
        }
        int size = modules.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(modules.getWidth() * modules.getHeight() * 2);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    int run = 1;
                    while (x + run < modules.getWidth() && modules.get(x + run, y) == 1) {
                        run++;
                    }
                    // A run of dark modules on one row: a rectangle run wide and one module high.
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                            .append('h').append(run).append("v1h-").append(run).append('z');
                    x += run - 1;
                }
            }
        }
        String name = Strings.escapeMarkup(label).toString();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\""
                + " role=\"img\" aria-label=\"" + name + "\" shape-rendering=\"crispEdges\">"
                + "<title>" + name + "</title>"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
