package md.migratiesigura.portal.web.consultation;

import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/** Online consultations: the public form and answer pages, the counsellors' inbox and cases, the referral list. */
public final class ConsultationRoutes {

    private static final LocalizedPath FORM = new LocalizedPath("/ro/consultatie", "/ru/konsultatsiya");
    private static final LocalizedPath ANSWER = new LocalizedPath("/ro/consultatie/raspuns", "/ru/konsultatsiya/otvet");

    private ConsultationRoutes() {
    }

    public static void mount(WebApplication application) {
        FORM.mount(application, "", ConsultationPage.class);
        ANSWER.mount(application, "", ConsultationAnswerPage.class);
        application.mount(new ExactMountedMapper("/admin/consultations", ConsultationsPage.class));
        application.mount(new ExactMountedMapper("/admin/consultations/${id}", ConsultationCasePage.class));
        application.mount(new ExactMountedMapper("/admin/referrals", ReferralsPage.class));
    }

    /** The public form, linked from the job-offer check's result. */
    public static String consultation(Language language) {
        return FORM.in(language);
    }

    /** Where a ticket's answer is read (the chat's "continue in writing" gives this address). */
    public static String answer(Language language) {
        return ANSWER.in(language);
    }

    /** Every public consultation page: what was typed, the phrase shown once and the answer must stay out of caches. */
    public static List<String> publicPaths() {
        List<String> paths = new ArrayList<>(FORM.all(""));
        paths.addAll(FORM.all("/*"));
        return paths;
    }
}
