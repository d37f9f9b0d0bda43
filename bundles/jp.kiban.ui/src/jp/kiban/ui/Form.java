package jp.kiban.ui;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jp.kiban.core.DomainException;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.ui.internal.Messages;

/**
 * A counter form: one row per field (label, input, message) in one or more column groups, keyboard first. Enter
 * moves to the next field like Tab; a date field shows the date it understood in 和暦 beside it while typing; a
 * refused value gets its Japanese message next to the field and nothing typed is lost.
 *
 * <p>Every input carries the UI key {@code form.<key>} and its message label {@code form.<key>.message}. The
 * business screens use it as it is; a bundle with extra kinds of rows extends it.
 */
public class Form {
    /** The width of a drop-down, in characters, unless the form says otherwise. */
    public static final int CHOICE_WIDTH_CHARS = 14;
    /** The minimum width of a one-column form's message, in pixels, unless the form says otherwise. */
    public static final int MESSAGE_MINIMUM_WIDTH = 120;

    private final Composite body;
    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final int columns;
    private final int choiceWidthChars;
    private final int messageMinimumWidth;
    private Label lastLabel;

    /** A form of {@code columns} column groups with the usual drop-down and message widths. */
    public Form(Composite parent, int columns) {
        this(parent, columns, CHOICE_WIDTH_CHARS, MESSAGE_MINIMUM_WIDTH);
    }

    /**
     * @param choiceWidthChars    the width of a drop-down, in characters
     * @param messageMinimumWidth with one column, the least width kept for a message, in pixels (0: only what
     *                            it needs, none while there is nothing to say); with more columns a message
     *                            wraps under itself instead
     */
    public Form(Composite parent, int columns, int choiceWidthChars, int messageMinimumWidth) {
        this.columns = columns;
        this.choiceWidthChars = choiceWidthChars;
        this.messageMinimumWidth = messageMinimumWidth;
        body = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3 * columns, false);
        layout.horizontalSpacing = 10;
        layout.verticalSpacing = 6;
        body.setLayout(layout);
    }

    public Composite body() {
        return body;
    }

    /** A heading across all columns. */
    public Label section(String text) {
        Label l = new Label(body, SWT.NONE);
        l.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false, ((GridLayout) body.getLayout()).numColumns, 1);
        gd.verticalIndent = 8;
        l.setLayoutData(gd);
        return l;
    }

    public Text text(String key, String label, int widthChars) {
        Text t = new Text(row(label), SWT.BORDER | SWT.SINGLE);
        finish(key, t, widthChars);
        return t;
    }

    public Combo choice(String key, String label, String... items) {
        Combo c = new Combo(row(label), SWT.DROP_DOWN | SWT.READ_ONLY);
        c.setItems(items);
        if (items.length > 0) {
            c.select(0);
        }
        finish(key, c, choiceWidthChars);
        return c;
    }

    /** A date typed as 令和8年4月1日, R8.4.1, 2026-04-01 …; the understood date is shown as the hint. */
    public Text date(String key, String label) {
        return date(key, label, 12, "R8.4.1", v -> WarekiDate.parse(v).format());
    }

    /**
     * A date field {@code widthChars} wide showing {@code example} while empty; {@code understood} turns what is
     * typed into the hint shown beside it, or throws a {@link DomainException} (no hint).
     */
    protected Text date(String key, String label, int widthChars, String example, Function<String, String> understood) {
        Text t = text(key, label, widthChars);
        t.setMessage(example);
        t.addModifyListener(e -> {
            String v = t.getText().strip();
            if (v.isEmpty()) {
                clearError(key);
                return;
            }
            try {
                hint(key, "→ " + understood.apply(v));
            } catch (DomainException ex) {
                hint(key, "");
            }
        });
        return t;
    }

    /** The label of the next row; returns the composite its input goes into. */
    protected Composite row(String label) {
        Label l = new Label(body, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        lastLabel = l;
        return body;
    }

    /** Registers the input of the row just started as {@code key} and adds its message label. */
    protected void finish(String key, Control input, int widthChars) {
        input.setData(UiKeys.KEY, "form." + key);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        gd.widthHint = Math.max(80, widthChars * 14);
        input.setLayoutData(gd);
        // Enter moves on, as counter staff expect from paper-like forms
        input.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN) {
                e.detail = SWT.TRAVERSE_TAB_NEXT;
                e.doit = true;
            }
        });
        Label message = new Label(body, columns > 1 ? SWT.WRAP : SWT.NONE);
        message.setData(UiKeys.KEY, "form." + key + ".message");
        GridData mgd = new GridData(SWT.FILL, SWT.CENTER, columns == 1, false);
        if (columns > 1) {
            mgd.widthHint = 130; // a refusal wraps under itself instead of pushing the next column away
        } else {
            mgd.minimumWidth = messageMinimumWidth;
        }
        message.setLayoutData(mgd);
        inputs.put(key, input);
        messages.put(key, message);
        labels.put(key, lastLabel);
    }

    public String value(String key) {
        Control c = inputs.get(key);
        if (c instanceof Text t) {
            return t.getText().strip();
        }
        if (c instanceof Combo combo) {
            return combo.getText();
        }
        throw new IllegalArgumentException("no field " + key);
    }

    public void set(String key, String value) {
        Control c = inputs.get(key);
        if (c instanceof Text t) {
            t.setText(value);
        } else if (c instanceof Combo combo) {
            combo.setText(value);
        }
        clearError(key);
    }

    /** The text of a field, empty if it is blank. */
    public Optional<String> optional(String key) {
        String v = value(key);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The text of a required free-text field; empty (with the message by the field) if it is blank. */
    public Optional<String> required(String key) {
        String v = value(key);
        if (v.isEmpty()) {
            error(key, Messages.get("form.required"));
            return Optional.empty();
        }
        clearError(key);
        return Optional.of(v);
    }

    public Control input(String key) {
        return inputs.get(key);
    }

    /** The label in front of the field {@code key}. */
    protected Label label(String key) {
        return labels.get(key);
    }

    /** The message label beside the field {@code key}. */
    protected Label messageLabel(String key) {
        return messages.get(key);
    }

    /**
     * Reads a field through a parser; a refusal's Japanese message goes next to the field and empty is returned,
     * so the caller can collect every error in one pass.
     */
    public <T> Optional<T> parse(String key, Function<String, T> parser, boolean required) {
        String v = value(key);
        if (v.isEmpty()) {
            if (required) {
                error(key, Messages.get("form.required"));
            } else {
                clearError(key); // an optional field emptied after a refusal is fine again
            }
            return Optional.empty();
        }
        try {
            T result = parser.apply(v);
            clearError(key);
            return Optional.of(result);
        } catch (DomainException e) {
            error(key, e.getMessage(Locale.JAPANESE));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage() == null ? Messages.get("form.invalid") : e.getMessage());
            return Optional.empty();
        }
    }

    public Optional<LocalDate> parseDate(String key, boolean required) {
        return parse(key, v -> WarekiDate.parse(v).date(), required);
    }

    /** A whole number of yen: digits, optionally with commas or 円; full-width digits are accepted. */
    public Optional<Long> parseYen(String key, boolean required) {
        return parse(key, v -> {
            String s = Normalizer.normalize(v, Normalizer.Form.NFKC).replace(",", "").replace("円", "").strip();
            if (!s.matches("\\d{1,11}")) {
                throw new IllegalArgumentException(Messages.get("form.yen", v));
            }
            return Long.parseLong(s);
        }, required);
    }

    /** A number of persons, 0 to 20; full-width digits are accepted; empty is 0. */
    public Optional<Integer> parseCount(String key) {
        Optional<Integer> n = parse(key, v -> {
            String s = Normalizer.normalize(v, Normalizer.Form.NFKC).replace("人", "").strip();
            if (!s.matches("\\d{1,2}") || Integer.parseInt(s) > 20) {
                throw new IllegalArgumentException(Messages.get("form.count", v));
            }
            return Integer.parseInt(s);
        }, false);
        return value(key).isEmpty() ? Optional.of(0) : n;
    }

    /**
     * A fiscal year typed as 2026, ２０２６ or 令和8 / R8 (年度 optional), from {@code first} to {@code last}; else an
     * {@link IllegalArgumentException} with the Japanese message, for {@link #parse}.
     */
    public static int fiscalYear(String text, int first, int last) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace("年度", "").replace("年", "");
        int year;
        try {
            if (s.startsWith("令和") || s.startsWith("R") || s.startsWith("r")) {
                String n = s.replaceFirst("^(令和|R|r)", "");
                year = n.equals("元") ? 2019 : 2018 + Integer.parseInt(n);
            } else {
                year = Integer.parseInt(s);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.get("form.year", text));
        }
        if (year < first || year > last) {
            throw new IllegalArgumentException(Messages.get("form.year", text));
        }
        return year;
    }

    public void error(String key, String message) {
        Label l = messages.get(key);
        l.setForeground(l.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        l.setText(message);
        body.layout(true, true);
    }

    protected void hint(String key, String text) {
        Label l = messages.get(key);
        l.setForeground(l.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
        l.setText(text);
        body.layout(true, true);
    }

    public void clearError(String key) {
        Label l = messages.get(key);
        if (l != null && !l.isDisposed()) {
            l.setText("");
        }
    }

    public boolean hasErrors() {
        return messages.values().stream().anyMatch(l -> !l.getText().isEmpty() && !l.getText().startsWith("→"));
    }
}
