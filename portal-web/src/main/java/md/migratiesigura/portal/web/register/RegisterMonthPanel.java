package md.migratiesigura.portal.web.register;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import md.migratiesigura.portal.register.MonthCount;
import md.migratiesigura.portal.register.RegisterService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeAction;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.danekja.java.util.function.serializable.SerializableFunction;

/**
 * The staff dashboard's register block: this month so far (calls, chats, consultations, SOS) against the same days
 * of the same month last year, and last year's whole month. Shown to counsellors and administrators.
 */
@AuthorizeAction(action = "RENDER", roles = {StaffRoles.ADMINISTRATOR, StaffRoles.COUNSELLOR})
public class RegisterMonthPanel extends Panel {

    /** A row of the table: its words' key and its figure. */
    private record Line(String key, SerializableFunction<MonthCount, Long> figure) implements Serializable {
    }

    private static final List<Line> LINES = List.of(
            new Line("register.dashboard.calls", MonthCount::calls),
            new Line("register.dashboard.sos", MonthCount::sos),
            new Line("register.dashboard.chats", MonthCount::chats),
            new Line("register.dashboard.consultations", MonthCount::consultations),
            new Line("register.dashboard.total", MonthCount::total));

    public RegisterMonthPanel(String id) {
        super(id);
        IModel<RegisterService.MonthComparison> month = LoadableDetachableModel.of(
                () -> PortalApplication.get().register().thisMonth());
        add(new Label("heading", month.map(m -> Texts.format(getString("register.dashboard.heading"), getLocale(),
                Texts.monthName(YearMonth.of(m.soFar().year(), m.soFar().month()), getLocale())))));
        add(new Label("lastYear", month.map(m -> String.valueOf(m.lastYearSameDays().year()))));
        add(new ListView<>("line", LINES) {
            @Override
            protected void populateItem(ListItem<Line> item) {
                Line line = item.getModelObject();
                item.add(new Label("name", getString(line.key())));
                item.add(new Label("now", month.map(m -> line.figure().apply(m.soFar()))));
                item.add(new Label("before", month.map(m -> line.figure().apply(m.lastYearSameDays()))));
                item.add(new Label("wholeBefore", month.map(m -> line.figure().apply(m.lastYearWholeMonth()))));
            }
        });
    }
}
