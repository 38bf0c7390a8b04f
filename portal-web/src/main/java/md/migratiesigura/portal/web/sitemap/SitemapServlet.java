package md.migratiesigura.portal.web.sitemap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.article.PageService;
import md.migratiesigura.portal.article.SitemapEntry;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.event.EventService;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.article.ArticleRoutes;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.web.cache.RenderedFiles;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.common.XmlServlet;
import md.migratiesigura.portal.web.event.EventRoutes;
import md.migratiesigura.portal.web.materials.MaterialRoutes;
import md.migratiesigura.portal.web.home.HomeRoutes;
import md.migratiesigura.portal.web.pages.PageRoutes;

/**
 * {@code /sitemap.xml}: every published page, each language version with {@code xhtml:link} alternates for all its
 * translations and {@code x-default} (the Romanian version).
 * <p>
 * Written once per content version (every publication moves it) and kept for {@link #KEPT} at most, since an
 * article scheduled for an hour appears without a version move: as long as the response already tells caches to
 * keep it. Crawlers asking together get the one writing.
 */
public class SitemapServlet extends XmlServlet {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final Duration KEPT = Duration.ofMinutes(5);

    private final transient ArticleService articles;
    private final transient PageService pages;
    private final transient EventService events;
    private final transient PublicUrls urls;
    private final transient RenderedFiles<String> written;
    /** How many times the sitemap was written rather than served as kept: the tests count with it. */
    final AtomicInteger writings = new AtomicInteger();

    public SitemapServlet(ArticleService articles, PageService pages, EventService events, PublicUrls urls) {
        this(articles, pages, events, urls, ContentVersion::current, Clock.systemUTC());
    }

    SitemapServlet(ArticleService articles, PageService pages, EventService events, PublicUrls urls,
                   LongSupplier contentVersion, Clock clock) {
        super("application/xml");
        this.articles = articles;
        this.pages = pages;
        this.events = events;
        this.urls = urls;
        this.written = new RenderedFiles<>(1, contentVersion, clock);
    }

    @Override
    protected byte[] document() throws IOException {
        try {
            return written.get("sitemap.xml", KEPT, () -> {
                writings.incrementAndGet();
                try {
                    return super.document();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    protected void write(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NS);
        xml.writeNamespace("xhtml", XHTML_NS);
        writeGroup(xml, both(l -> urls.absolute(HomeRoutes.home(l))), null);
        for (CategoryView category : articles.categories(Language.RO)) {
            writeGroup(xml, both(l -> urls.absolute(ArticleRoutes.category(l, category.key()))), null);
        }
        for (SitemapEntry entry : articles.sitemap()) {
            writeEntry(xml, entry, ArticleRoutes::article);
        }
        for (SitemapEntry entry : pages.sitemap()) {
            writeEntry(xml, entry, PageRoutes::page);
        }
        writeGroup(xml, both(l -> urls.absolute(EventRoutes.events(l))), null);
        writeGroup(xml, both(l -> urls.absolute(MaterialRoutes.library(l))), null);
        for (EventView event : events.all()) {
            writeGroup(xml, both(l -> urls.absolute(EventRoutes.event(l, event.key()))), DateTimeFormatter.ISO_INSTANT.format(event.updatedAt()));
        }
        xml.writeEndElement();
    }

    /** An article or page: each published language version with its own slug. */
    private void writeEntry(XMLStreamWriter xml, SitemapEntry entry, BiFunction<Language, String, String> path)
            throws XMLStreamException {
        Map<Language, String> addresses = new EnumMap<>(Language.class);
        entry.slugs().forEach((language, slug) -> addresses.put(language, urls.absolute(path.apply(language, slug))));
        writeGroup(xml, addresses, DateTimeFormatter.ISO_INSTANT.format(entry.lastModified()));
    }

    private static Map<Language, String> both(Function<Language, String> address) {
        Map<Language, String> addresses = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            addresses.put(language, address.apply(language));
        }
        return addresses;
    }

    /** One {@code <url>} per language version, each listing all versions and the default. */
    private static void writeGroup(XMLStreamWriter xml, Map<Language, String> addresses, String lastModified)
            throws XMLStreamException {
        String fallback = addresses.getOrDefault(Language.RO, addresses.values().iterator().next());
        for (String address : addresses.values()) {
            xml.writeStartElement("url");
            element(xml, "loc", address);
            if (lastModified != null) {
                element(xml, "lastmod", lastModified);
            }
            if (addresses.size() > 1) {
                for (Map.Entry<Language, String> alternate : addresses.entrySet()) {
                    alternate(xml, alternate.getKey().code(), alternate.getValue());
                }
                alternate(xml, "x-default", fallback);
            }
            xml.writeEndElement();
        }
    }

    private static void alternate(XMLStreamWriter xml, String hreflang, String href) throws XMLStreamException {
        xml.writeEmptyElement("xhtml", "link", XHTML_NS);
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("hreflang", hreflang);
        xml.writeAttribute("href", href);
    }
}
