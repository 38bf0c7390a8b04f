package md.migratiesigura.portal.navigation;

import java.io.Serializable;
import java.util.List;

/** The main menu and the footer's links of one language, in order; entries whose target is not public are left out. */
public record Navigation(List<NavigationLink> main, List<NavigationLink> footer) implements Serializable {

    public Navigation {
        main = List.copyOf(main);
        footer = List.copyOf(footer);
    }
}
