package jp.kiban.ui.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.platform.Permission;
import jp.kiban.security.AccessEntry;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AuditFilter;
import jp.kiban.security.AuditFinding;
import jp.kiban.security.AuditQueries;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * The auditor's view of the access log: filter by person, operator, period and kind; verify the hash
 * chain; the analyses (night, holidays, failed logins, many persons); CSV export. Needs
 * {@code READ_ACCESS_LOG}; the service checks it again and logs each use.
 */
public class AuditPart {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int SHOWN = 2000;

    @Inject
    Session session;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    AuditQueries audit;

    private Text person;
    private Text operator;
    private Text from;
    private Text to;
    private Combo kind;
    private Label message;
    private Table entries;
    private Table findings;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite filter = new Composite(parent, SWT.NONE);
        filter.setLayout(new GridLayout(10, false));
        filter.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        person = field(filter, "audit.person", UiKeys.AUDIT_PERSON, 110);
        operator = field(filter, "audit.operator", UiKeys.AUDIT_OPERATOR, 110);
        from = field(filter, "audit.from", UiKeys.AUDIT_FROM, 90);
        to = field(filter, "audit.to", UiKeys.AUDIT_TO, 90);
        new Label(filter, SWT.NONE).setText(Messages.get("audit.kind"));
        kind = new Combo(filter, SWT.READ_ONLY);
        kind.setData(UiKeys.KEY, UiKeys.AUDIT_KIND);
        kind.add(Messages.get("audit.kind.all"));
        for (AccessKind k : AccessKind.values()) {
            kind.add(Messages.get("audit.kind." + k.name()));
        }
        kind.select(0);

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(4, false));
        Button search = button(buttons, "audit.search", UiKeys.AUDIT_SEARCH);
        Button verify = button(buttons, "audit.verify", UiKeys.AUDIT_VERIFY);
        Button analyse = button(buttons, "audit.analyse", UiKeys.AUDIT_ANALYSE);
        Button export = button(buttons, "audit.export", UiKeys.AUDIT_EXPORT);

        message = new Label(parent, SWT.WRAP);
        message.setData(UiKeys.KEY, UiKeys.AUDIT_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        entries = table(parent, UiKeys.AUDIT_ENTRIES, 3, "audit.col.seq", "audit.col.time", "audit.col.operator",
                "audit.col.terminal", "audit.col.kind", "audit.col.operation", "audit.col.persons", "audit.col.number",
                "audit.col.detail");
        Label f = new Label(parent, SWT.NONE);
        f.setText(Messages.get("audit.findings"));
        findings = table(parent, UiKeys.AUDIT_FINDINGS, 1, "audit.col.day", "audit.col.finding", "audit.col.operator",
                "audit.col.count", "audit.col.detail");

        boolean allowed = audit != null && session.current().map(o -> o.may(Permission.READ_ACCESS_LOG)).orElse(false);
        if (!allowed) {
            message.setText(Messages.get("audit.notAllowed"));
            for (Button b : List.of(search, verify, analyse, export)) {
                b.setEnabled(false);
            }
            return;
        }
        search.addListener(SWT.Selection, e -> run(this::search));
        verify.addListener(SWT.Selection, e -> run(this::verify));
        analyse.addListener(SWT.Selection, e -> run(this::analyse));
        export.addListener(SWT.Selection, e -> run(this::export));
        person.addListener(SWT.DefaultSelection, e -> run(this::search));
        operator.addListener(SWT.DefaultSelection, e -> run(this::search));
        run(this::search);
    }

    private static Text field(Composite c, String label, String key, int width) {
        new Label(c, SWT.NONE).setText(Messages.get(label));
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        t.setData(UiKeys.KEY, key);
        t.setTextLimit(40);
        GridData g = new GridData(SWT.FILL, SWT.CENTER, false, false);
        g.widthHint = width;
        t.setLayoutData(g);
        return t;
    }

    private static Button button(Composite c, String label, String key) {
        Button b = new Button(c, SWT.PUSH);
        b.setData(UiKeys.KEY, key);
        b.setText(Messages.get(label));
        return b;
    }

    private static Table table(Composite parent, String key, int weight, String... columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setData(UiKeys.KEY, key);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        GridData g = new GridData(SWT.FILL, SWT.FILL, true, true);
        g.heightHint = 120 * weight;
        t.setLayoutData(g);
        for (String c : columns) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(Messages.get(c));
            col.setWidth(switch (c.substring(c.lastIndexOf('.') + 1)) {
                case "detail" -> 360;
                case "time" -> 140;
                case "seq", "number", "count" -> 55;
                case "operator", "operation", "persons", "finding" -> 115;
                default -> 85;
            });
        }
        return t;
    }

    private interface Action {
        void run() throws IOException;
    }

    private void run(Action a) {
        message.setForeground(null);
        try {
            a.run();
        } catch (DomainException e) {
            message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            message.setText(e.getMessage(Locale.JAPANESE));
        } catch (IOException | RuntimeException e) {
            System.getLogger(AuditPart.class.getName()).log(System.Logger.Level.ERROR, "Audit action failed", e);
            message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            message.setText(Messages.get("audit.error", String.valueOf(e.getMessage())));
        }
        message.getParent().layout(true, true);
    }

    /** The filter from the fields; a bad date is said next to nothing else and nothing is searched. */
    private AuditFilter filter(int limit) {
        Set<AccessKind> kinds = kind.getSelectionIndex() <= 0 ? Set.of()
                : Set.of(AccessKind.values()[kind.getSelectionIndex() - 1]);
        return new AuditFilter(text(person), text(operator), day(from, false), day(to, true), kinds, limit);
    }

    private static Optional<String> text(Text t) {
        String s = t.getText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private Optional<Instant> day(Text t, boolean end) {
        String s = t.getText().strip().replace('/', '-');
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(s);
            return Optional.of((end ? d.plusDays(1) : d).atStartOfDay(JAPAN).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Messages.get("audit.badDate", s));
        }
    }

    private void search() {
        AuditFilter f;
        try {
            f = filter(SHOWN);
        } catch (IllegalArgumentException e) {
            if (e instanceof DomainException) {
                throw e;
            }
            message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            message.setText(e.getMessage());
            return;
        }
        List<AccessEntry> list = audit.list(session.operator(), f);
        entries.removeAll();
        for (AccessEntry e : list) {
            TableItem i = new TableItem(entries, SWT.NONE);
            i.setText(new String[] { Long.toString(e.sequence()), TIME.format(e.at().atZone(JAPAN)),
                    e.operatorId() + (e.operatorName().isEmpty() ? "" : " " + e.operatorName()), e.terminal(),
                    Messages.get("audit.kind." + e.kind().name()), e.action(),
                    String.join(" ", e.persons().subList(0, Math.min(3, e.persons().size())))
                            + (e.persons().size() > 3 ? " …(" + e.persons().size() + ")" : ""),
                    e.individualNumberShown() ? Messages.get("audit.numberShown") : "", e.detail() });
        }
        message.setText(Messages.get(list.size() >= SHOWN ? "audit.found.more" : "audit.found", list.size()));
    }

    private void verify() {
        AuditQueries.Verification v = audit.verify(session.operator());
        if (v.intact()) {
            message.setText(Messages.get("audit.intact", v.entries()));
        } else {
            message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            message.setText(Messages.get("audit.broken", v.firstBroken().map(String::valueOf).orElse("?"), v.problem()));
        }
    }

    private void analyse() {
        AuditFilter f;
        try {
            f = filter(AuditFilter.MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            if (e instanceof DomainException) {
                throw e;
            }
            message.setText(e.getMessage());
            return;
        }
        List<AuditFinding> list = audit.analyse(session.operator(), f);
        findings.removeAll();
        for (AuditFinding x : list) {
            TableItem i = new TableItem(findings, SWT.NONE);
            i.setText(new String[] { x.day().toString(), Messages.get("audit.finding." + x.type().name()), x.operator(),
                    Integer.toString(x.count()), x.detail() });
        }
        message.setText(Messages.get("audit.analysed", list.size()));
    }

    private void export() throws IOException {
        FileDialog d = new FileDialog(entries.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.csv" });
        d.setFileName("access-log.csv");
        d.setOverwrite(true);
        String file = d.open();
        if (file == null) {
            return;
        }
        AuditFilter f = filter(AuditFilter.MAX_LIMIT);
        Path target = Path.of(file);
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".kiban-audit", ".csv");
        int n;
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            n = audit.exportCsv(session.operator(), f, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        message.setText(Messages.get("audit.exported", n, target));
    }
}
