package md.migratiesigura.portal.web.materials;

import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.materials.MaterialView;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiRequest;
import md.migratiesigura.portal.web.common.PublicUrls;

/**
 * {@code GET /api/v1/materials?lang=}: the materials readers see, newest first, with the title and description in
 * that language and every file's language, address, size in bytes and media type.
 */
public class MaterialsEndpoint implements ApiEndpoint {

    private final MaterialService materials;
    private final PublicUrls urls;

    public MaterialsEndpoint(MaterialService materials, PublicUrls urls) {
        this.materials = materials;
        this.urls = urls;
    }

    @Override
    public Object handle(ApiRequest request) {
        Language language = request.language();
        List<Item> items = materials.published(null, null).stream().map(m -> item(m, language)).toList();
        return Map.of("items", items);
    }

    private Item item(MaterialView m, Language language) {
        return new Item(m.key(), m.title(language), m.description(language), m.topic(), m.audience().parameter(),
                m.files().stream().map(f -> new File(f.language().code(), urls.absolute(MaterialRoutes.file(m.key(), f)),
                        f.bytes(), f.kind().mediaType())).toList());
    }

    record Item(String key, String title, String description, String topic, String audience, List<File> files) {
    }

    record File(String lang, String url, long bytes, String type) {
    }
}
