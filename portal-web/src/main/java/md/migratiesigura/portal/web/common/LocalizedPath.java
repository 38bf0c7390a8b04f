package md.migratiesigura.portal.web.common;

import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import org.apache.wicket.protocol.http.WebApplication;
import org.apache.wicket.request.component.IRequestablePage;

/**
 * One public address in each language, such as {@code /ro/evenimente} and {@code /ru/sobytiya}: the features'
 * {@code *Routes} classes mount their pages below it and build their links from it, so a path is written once.
 */
public record LocalizedPath(String ro, String ru) {

    /** The path in a language. */
    public String in(Language language) {
        return language == Language.RO ? ro : ru;
    }

    /** Mounts a page at this path plus {@code suffix} ({@code "/${slug}"}, or empty) in every language. */
    public void mount(WebApplication application, String suffix, Class<? extends IRequestablePage> page) {
        for (Language language : Language.values()) {
            application.mount(new LanguageMountedMapper(language.code(), in(language) + suffix, page));
        }
    }

    /** This path plus {@code suffix} in every language, Romanian first: servlet and filter mappings. */
    public List<String> all(String suffix) {
        List<String> paths = new ArrayList<>();
        for (Language language : Language.values()) {
            paths.add(in(language) + suffix);
        }
        return paths;
    }
}
