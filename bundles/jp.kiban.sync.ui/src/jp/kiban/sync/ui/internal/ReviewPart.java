package jp.kiban.sync.ui.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.platform.Permission;
import jp.kiban.sync.ReviewQueue;
import jp.kiban.sync.protocol.SyncProtocol.Conflict;
import jp.kiban.sync.protocol.SyncProtocol.Event;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 同期の確認待ち: the supervisor sees a change the central store did not apply (it was based on an older
 * 履歴番号) side by side with the central version, item by item with the differences marked, and accepts
 * it (applied on top as the next 履歴番号) or discards it.
 */
public class ReviewPart {
    public static final String TABLE = "review.table";
    public static final String COMPARE = "review.compare";
    public static final String ACCEPT = "review.accept";
    public static final String DISCARD = "review.discard";
    public static final String STATUS = "review.status";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bookkeeping in the payload, the same kind of thing in both versions: not shown. */
    private static final Set<String> HIDDEN = Set.of("changeId", "confirmSeq", "cancelledChangeId", "change_id",
            "confirmed", "birth_sort");

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ReviewQueue queue;
    @Inject
    Session session;

    private Table table;
    private Table compare;
    private Text note;
    private Label status;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.WRAP);
        title.setText(Messages.get("review.title"));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(UiKeys.KEY, TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(table, "column.person", 130);
        column(table, "column.type", 150);
        column(table, "column.terminal", 120);
        column(table, "column.base", 120);
        column(table, "column.current", 120);
        table.addListener(SWT.Selection, e -> showSelected());
        compare = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
        compare.setData(UiKeys.KEY, COMPARE);
        compare.setHeaderVisible(true);
        compare.setLinesVisible(true);
        column(compare, "compare.item", 160);
        column(compare, "compare.central", 300);
        column(compare, "compare.pushed", 300);
        sash.setWeights(1, 2);

        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayout(new GridLayout(5, false));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Button reload = new Button(actions, SWT.PUSH);
        reload.setText(Messages.get("review.reload"));
        reload.addListener(SWT.Selection, e -> refresh());
        new Label(actions, SWT.NONE).setText(Messages.get("review.note"));
        note = new Text(actions, SWT.BORDER);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button accept = new Button(actions, SWT.PUSH);
        accept.setText(Messages.get("review.accept"));
        accept.setData(UiKeys.KEY, ACCEPT);
        accept.addListener(SWT.Selection, e -> decide(true));
        Button discard = new Button(actions, SWT.PUSH);
        discard.setText(Messages.get("review.discard"));
        discard.setData(UiKeys.KEY, DISCARD);
        discard.addListener(SWT.Selection, e -> decide(false));
        boolean supervisor = session.operator().may(Permission.RESOLVE_SYNC_CONFLICTS);
        accept.setEnabled(supervisor);
        discard.setEnabled(supervisor);
        status = new Label(parent, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        if (!supervisor) {
            status.setText(Messages.get("review.noPermission"));
        }
        refresh();
    }

    private static void column(Table t, String key, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(Messages.get(key));
        c.setWidth(width);
    }

    @Focus
    void onFocus() {
        table.setFocus();
    }

    /** Reads the queue from the central store again. */
    public void refresh() {
        table.removeAll();
        compare.removeAll();
        if (queue == null) {
            status.setText(Messages.get("review.unavailable", "-"));
            return;
        }
        try {
            List<Conflict> open = queue.open();
            for (Conflict c : open) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setData(c);
                Event p = c.pushed();
                item.setText(new String[] { Objects.toString(p.aggregateKey(), "-"), p.type(),
                        p.terminalId().substring(0, 8), Objects.toString(p.baseHistory(), "-"),
                        Objects.toString(c.currentHistory(), "-") });
            }
            if (open.isEmpty()) {
                status.setText(Messages.get("review.none"));
            } else if (session.operator().may(Permission.RESOLVE_SYNC_CONFLICTS)) {
                status.setText(Messages.get("review.select"));
                table.select(0);
                showSelected();
            }
        } catch (IllegalStateException e) {
            status.setText(Messages.get("review.unavailable", e.getMessage()));
        }
        status.getParent().layout(true, true);
    }

    /** Both versions item by item; a row whose values differ is marked with ≠ and coloured. */
    private void showSelected() {
        compare.removeAll();
        TableItem[] sel = table.getSelection();
        if (sel.length == 0) {
            return;
        }
        Conflict c = (Conflict) sel[0].getData();
        Map<String, String> pushed = flatten(c.pushed().payload());
        Map<String, String> central = c.current() == null ? Map.of() : flatten(c.current().payload());
        Set<String> keys = new LinkedHashSet<>(pushed.keySet());
        keys.addAll(central.keySet());
        Color marked = new Color(255, 236, 179); // a light amber, readable with the default dark text
        boolean mayUseNumber = session.operator().may(Permission.USE_INDIVIDUAL_NUMBER);
        for (String k : keys) {
            String leaf = k.contains(".") ? k.substring(k.lastIndexOf('.') + 1) : k;
            if (HIDDEN.contains(leaf) || leaf.equals("individual_number") && !mayUseNumber) {
                continue; // 個人番号 only for the roles that may see it
            }
            String a = central.getOrDefault(k, "");
            String b = pushed.getOrDefault(k, "");
            TableItem row = new TableItem(compare, SWT.NONE);
            boolean differs = !a.equals(b);
            row.setText(new String[] { (differs ? "≠ " : "") + label(k), a, b });
            if (differs) {
                row.setBackground(marked);
            }
        }
    }

    private static String label(String key) {
        String leaf = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
        String text = Messages.get("field." + leaf);
        return text.startsWith("!") ? leaf : text; // a column without a Japanese label shows by its name
    }

    /** The payload's values by path (snapshot.family_name …), in the payload's order. */
    static Map<String, String> flatten(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            flatten("", JSON.readTree(json), out);
        } catch (Exception e) {
            out.put("payload", json);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private void decide(boolean accept) {
        TableItem[] sel = table.getSelection();
        if (sel.length == 0) {
            status.setText(Messages.get("review.select"));
            return;
        }
        Conflict c = (Conflict) sel[0].getData();
        try {
            Conflict done = queue.decide(session.operator(), c.conflictId(), accept, note.getText().strip());
            note.setText("");
            refresh();
            status.setText(Messages.get("review.decided", Messages.get("state." + done.state()),
                    Objects.toString(c.pushed().aggregateKey(), "-")));
        } catch (IllegalStateException | SecurityException e) {
            status.setText(Messages.get("review.failed", e.getMessage()));
        }
        status.getParent().layout(true, true);
    }
}
