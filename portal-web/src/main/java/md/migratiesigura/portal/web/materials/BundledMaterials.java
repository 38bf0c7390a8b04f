package md.migratiesigura.portal.web.materials;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.ArticleView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.materials.Audience;
import md.migratiesigura.portal.materials.BundledMaterial;
import md.migratiesigura.portal.materials.MaterialDraft;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.report.ReportPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leaflets the portal makes at start from its own published articles, in Romanian and Russian, by the same
 * machinery as the annual report's PDF (openhtmltopdf, DejaVu Sans embedded): the article's title, summary and body,
 * and the hotline's numbers as the site's footer gives them. Nothing is written that the articles and the site's own
 * texts do not say. The source (the XHTML of both languages) is hashed: while it is unchanged nothing is rendered or
 * stored again, and a material an editor has changed or retired keeps what the editor did.
 */
public final class BundledMaterials {

    private static final Logger log = LoggerFactory.getLogger(BundledMaterials.class);
    /** Raised when the layout below changes, so that every leaflet is made again. */
    private static final String LAYOUT = "leaflet-1";
    private static final String FONT = "DejaVuSans.ttf";

    /** A leaflet: its material's key, the Romanian slug of the article it is made from, its topic and audience. */
    record Leaflet(String key, String articleSlugRo, String topic, Audience audience) {
    }

    static final List<Leaflet> LEAFLETS = List.of(
            new Leaflet("verifica-inainte-de-plecare", "lista-de-verificare-inainte-de-plecare", "documente",
                    Audience.JOB_SEEKERS),
            new Leaflet("cum-verifici-o-oferta-de-munca", "cum-verifici-o-oferta-de-munca-in-strainatate", "munca",
                    Audience.JOB_SEEKERS),
            new Leaflet("semnele-exploatarii-prin-munca", "semnele-exploatarii-prin-munca", "exploatare",
                    Audience.JOB_SEEKERS),
            new Leaflet("semne-ca-o-ruda-ar-putea-fi-exploatata",
                    "semne-ca-o-ruda-plecata-peste-hotare-ar-putea-fi-exploatata", "familie", Audience.PARENTS));

    private BundledMaterials() {
    }

    /** Makes and stores what is missing or out of date; a leaflet that cannot be made is logged and skipped. */
    public static void ensure(ArticleService articles, MaterialService materials) {
        for (Leaflet leaflet : LEAFLETS) {
            try {
                ensure(leaflet, articles, materials);
            } catch (RuntimeException e) {
                // Another node storing the same leaflet at the same moment ends here too: it is there either way.
                log.warn("Bundled material {} not made: {}", leaflet.key(), e.toString());
            }
        }
    }

    private static void ensure(Leaflet leaflet, ArticleService articles, MaterialService materials) {
        Optional<ArticleView> ro = articles.bySlug(Language.RO, leaflet.articleSlugRo());
        Optional<ArticleView> ru = ro.map(ArticleView::otherLanguageSlug).flatMap(slug -> articles.bySlug(Language.RU, slug));
        if (ro.isEmpty() || ru.isEmpty()) {
            log.info("Bundled material {} not made: its article is not published in both languages", leaflet.key());
            return;
        }
        Map<Language, String> xhtml = new EnumMap<>(Language.class);
        xhtml.put(Language.RO, xhtml(ro.get(), texts(Language.RO)));
        xhtml.put(Language.RU, xhtml(ru.get(), texts(Language.RU)));
        String source = sha256(LAYOUT + xhtml.get(Language.RO) + xhtml.get(Language.RU) + leaflet);
        if (materials.isBundledCurrent(leaflet.key(), source)) {
            return;
        }
        Map<Language, byte[]> files = new EnumMap<>(Language.class);
        xhtml.forEach((language, page) -> files.put(language, pdf(page)));
        MaterialDraft texts = new MaterialDraft(ro.get().title(), ru.get().title(), ro.get().summary(), ru.get().summary(),
                leaflet.topic(), leaflet.audience());
        materials.importBundled(new BundledMaterial(leaflet.key(), texts, source, files));
    }

    /** One leaflet page as XHTML: the article's title, summary and body, then the hotline. */
    static String xhtml(ArticleView article, Properties texts) {
        String lang = article.language().code();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang
                + "\"><head><meta charset=\"UTF-8\"/><title>" + esc(article.title()) + "</title><style>"
                + "@page { size: A4; margin: 12mm 14mm; }"
                + "body { font-family: '" + ReportPdf.FONT_FAMILY + "'; font-size: 9pt; line-height: 1.3; color: #1b1f24; }"
                + "h1 { font-size: 17pt; font-weight: normal; color: #0b4f8a; margin: 0 0 4pt; }"
                + "h2 { font-size: 11.5pt; font-weight: normal; color: #0b4f8a; margin: 9pt 0 2pt; }"
                + "strong, b { font-weight: normal; color: #0b4f8a; } p { margin: 3pt 0; } ul, ol { margin: 2pt 0; padding-left: 14pt; }"
                + "a { color: #1b1f24; text-decoration: none; } .brand { color: #4a5560; font-size: 8.5pt; }"
                + ".lead { font-size: 10.5pt; } .hotline { margin-top: 10pt; padding: 6pt 8pt; background: #f2f5f8;"
                + " border-left: 3pt solid #a4161a; } .numbers { font-size: 13pt; color: #a4161a; }"
                + "</style></head><body>"
                + "<p class=\"brand\">" + esc(texts.getProperty("site.name")) + " · " + esc(texts.getProperty("site.tagline")) + "</p>"
                + "<h1>" + esc(article.title()) + "</h1><p class=\"lead\">" + esc(article.summary()) + "</p>"
                // The article's body as the public page shows it: Markdown rendered and sanitized to XHTML.
                + article.bodyHtml()
                + "<div class=\"hotline\"><p>" + esc(texts.getProperty("footer.hotline")) + "</p>"
                + "<p class=\"numbers\">0 800 77777 (" + esc(texts.getProperty("hotline.free")) + ") · +373 22 23 33 09 ("
                + esc(texts.getProperty("hotline.abroad")) + ")</p><p>" + esc(texts.getProperty("footer.emergency"))
                + "</p><p class=\"brand\">" + esc(texts.getProperty("footer.org")) + "</p></div>"
                + "</body></html>";
    }

    static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> ReportPdf.class.getResourceAsStream(FONT), ReportPdf.FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The site's own texts (name, hotline, footer) in a language, read from the application's properties. */
    static Properties texts(Language language) {
        String file = language == Language.RO ? "PortalApplication.utf8.properties" : "PortalApplication_ru.utf8.properties";
        Properties properties = new Properties();
        try (InputStream in = PortalApplication.class.getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
