package md.migratiesigura.portal.web.admin;

import java.io.Serializable;
import java.util.List;
import md.migratiesigura.portal.web.account.AccountPage;
import md.migratiesigura.portal.web.account.UsersPage;
import md.migratiesigura.portal.web.agency.AgencyImportPage;
import md.migratiesigura.portal.web.article.ArticlesPage;
import md.migratiesigura.portal.web.article.PagesPage;
import md.migratiesigura.portal.web.article.ReviewPage;
import md.migratiesigura.portal.web.article.TranslationsPage;
import md.migratiesigura.portal.web.audit.AuditPage;
import md.migratiesigura.portal.web.chat.ChatConsolePage;
import md.migratiesigura.portal.web.consultation.ConsultationsPage;
import md.migratiesigura.portal.web.consultation.ReferralsPage;
import md.migratiesigura.portal.web.event.EventsAdminPage;
import md.migratiesigura.portal.web.materials.MaterialsAdminPage;
import md.migratiesigura.portal.web.pages.NavigationEditPage;
import md.migratiesigura.portal.web.register.RegisterPage;
import md.migratiesigura.portal.web.report.ReportFiguresPage;
import md.migratiesigura.portal.web.search.SearchWordsPage;
import md.migratiesigura.portal.web.visits.VisitsPage;
import org.apache.wicket.Application;
import org.apache.wicket.markup.html.WebPage;

/**
 * The back office's sections, in the order they are offered. A user sees those their role may open: the page's
 * {@code @AuthorizeInstantiation} decides, so the list and the check can never disagree.
 */
final class AdminSections {

    /** A page and the key of its name ({@code key + ".description"} describes it on the dashboard). */
    record Section(Class<? extends WebPage> page, String key) implements Serializable {
    }

    private static final List<Section> ALL = List.of(
            new Section(ConsultationsPage.class, "admin.section.consultations"),
            new Section(VisitsPage.class, "admin.section.visits"),
            new Section(ReportFiguresPage.class, "admin.section.report"),
            new Section(ArticlesPage.class, "admin.section.articles"),
            new Section(EventsAdminPage.class, "admin.section.events"),
            new Section(MaterialsAdminPage.class, "admin.section.materials"),
            new Section(TranslationsPage.class, "admin.section.translations"),
            new Section(AgencyImportPage.class, "admin.section.agencies"),
            new Section(UsersPage.class, "admin.section.users"),
            new Section(ReferralsPage.class, "admin.section.referrals"),
            new Section(AuditPage.class, "admin.section.audit"),
            new Section(AccountPage.class, "admin.section.account"),
            new Section(PagesPage.class, "admin.section.pages"),
            new Section(NavigationEditPage.class, "admin.section.navigation"),
            new Section(RegisterPage.class, "admin.section.register"),
            new Section(SearchWordsPage.class, "admin.section.searchWords"),
            new Section(ReviewPage.class, "admin.section.review"),
            new Section(ChatConsolePage.class, "admin.section.chat"));

    private AdminSections() {
    }

    /** The sections the signed-in user may open. */
    static List<Section> allowed() {
        var authorization = Application.get().getSecuritySettings().getAuthorizationStrategy();
        return ALL.stream().filter(s -> authorization.isInstantiationAuthorized(s.page())).toList();
    }
}
