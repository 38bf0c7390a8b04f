package md.migratiesigura.portal.web.article;

import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.ArticleSummary;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.common.XmlServlet;
import md.migratiesigura.portal.web.home.HomeRoutes;

/** {@code /ro/feed.atom}, {@code /ru/feed.atom}: the newest published articles of one language (RFC 4287). */
public class AtomFeedServlet extends XmlServlet {

    static final int ENTRIES = 30;
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final transient ArticleService articles;
    private final transient PublicUrls urls;
    private final Language language;

    public AtomFeedServlet(ArticleService articles, PublicUrls urls, Language language) {
        super("application/atom+xml");
        this.articles = articles;
        this.urls = urls;
        this.language = language;
    }

    @Override
    protected void write(XMLStreamWriter xml) throws XMLStreamException {
        List<ArticleSummary> latest = articles.latest(language, ENTRIES);
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM_NS);
        xml.writeAttribute("xml:lang", language.code());
        element(xml, "title", language == Language.RO ? "Migrație sigură: articole noi" : "Безопасная миграция: новые статьи");
        element(xml, "subtitle", language == Language.RO
                ? "Linia Fierbinte pentru migrație sigură și antitrafic, 0 800 77777"
                : "Горячая линия по безопасной миграции и против торговли людьми, 0 800 77777");
        String home = urls.absolute(HomeRoutes.home(language));
        element(xml, "id", home);
        link(xml, "self", urls.absolute(ArticleRoutes.feed(language)));
        link(xml, "alternate", home);
        Instant updated = latest.isEmpty() ? Instant.EPOCH : latest.get(0).publishedAt();
        element(xml, "updated", updated.toString());
        xml.writeStartElement("author");
        element(xml, "name", "Centrul Internațional „La Strada”");
        xml.writeEndElement();
        for (ArticleSummary a : latest) {
            String address = urls.absolute(ArticleRoutes.article(language, a.slug()));
            xml.writeStartElement("entry");
            element(xml, "title", a.title());
            element(xml, "id", address);
            link(xml, "alternate", address);
            element(xml, "published", a.publishedAt().toString());
            element(xml, "updated", a.publishedAt().toString());
            if (a.summary() != null) {
                element(xml, "summary", a.summary());
            }
            if (a.categoryName() != null) {
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", a.categoryKey());
                xml.writeAttribute("label", a.categoryName());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
