package md.migratiesigura.portal.web.register;

import java.util.Arrays;
import md.migratiesigura.portal.register.EntryKind;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/**
 * The kind a counsellor confirms in a form that records a register entry (closing a consultation), with the
 * register's words for the kinds.
 */
public class CloseKindPanel extends Panel {

    public CloseKindPanel(String id, IModel<EntryKind> kind) {
        super(id);
        add(new DropDownChoice<>("kind", kind, Arrays.asList(EntryKind.values()),
                new CodeRenderer<>(this, "register.kind.", EntryKind::code)).setRequired(true));
    }
}
