package jp.kiban.resident.ui.internal;

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
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.ui.UiKeys;

/**
 * A counter form: one row per field (label, input, message), keyboard first. Enter moves to the next
 * field like Tab; a date field shows the date it understood in 和暦 beside it while typing; a refused
 * value gets its Japanese message next to the field and nothing typed is lost.
 *
 * <p>Every input carries the UI key {@code form.<key>} and its message label {@code form.<key>.message}.
 */
public final class Form {
    private final Composite body;
    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();

    public Form(Composite parent) {
        body = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.horizontalSpacing = 10;
        layout.verticalSpacing = 6;
        body.setLayout(layout);
    }

    public Composite body() {
        return body;
    }

    /** A heading across the three columns. */
    public Label section(String text) {
        Label l = new Label(body, SWT.NONE);
        l.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        gd.verticalIndent = 8;
        l.setLayoutData(gd);
        return l;
    }

    public Text text(String key, String label, int widthChars) {
        Text t = new Text(row(label), SWT.BORDER | SWT.SINGLE);
        finish(key, t, widthChars);
        return t;
    }

    /**
     * A text field with a small button to its right (e.g. 字 for the 文字コード照会); the button's key is
     * {@code form.<key>.<buttonKey>} and pressing it hands the text field to {@code action}.
     */
    public Text text(String key, String label, int widthChars, String buttonText, String buttonKey,
            java.util.function.Consumer<Text> action) {
        row(label);
        Composite cell = new Composite(body, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.horizontalSpacing = 4;
        cell.setLayout(layout);
        Text t = new Text(cell, SWT.BORDER | SWT.SINGLE);
        GridData tgd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        tgd.widthHint = Math.max(80, widthChars * 14);
        t.setLayoutData(tgd);
        org.eclipse.swt.widgets.Button button = new org.eclipse.swt.widgets.Button(cell, SWT.PUSH);
        button.setText(buttonText);
        button.setData(UiKeys.KEY, "form." + key + "." + buttonKey);
        button.addListener(SWT.Selection, e -> action.accept(t));
        finish(key, t, widthChars);
        cell.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        cells.put(key, cell);
        return t;
    }

    public Combo choice(String key, String label, String... items) {
        Combo c = new Combo(row(label), SWT.DROP_DOWN | SWT.READ_ONLY);
        c.setItems(items);
        if (items.length > 0) {
            c.select(0);
        }
        finish(key, c, 16);
        return c;
    }

    /** A date typed as 令和6年4月1日, R6.4.1, 2024-04-01 …; the understood date is shown as the hint. */
    public Text date(String key, String label, boolean allowPartlyUnknown) {
        Text t = text(key, label, 16);
        t.setMessage("R6.4.1");
        t.addModifyListener(e -> {
            String v = t.getText().strip();
            if (v.isEmpty()) {
                clearError(key);
                return;
            }
            try {
                String understood = allowPartlyUnknown ? RecordedDate.parse(v).format() : WarekiDate.parse(v).format();
                hint(key, "→ " + understood);
            } catch (DomainException ex) {
                hint(key, "");
            }
        });
        return t;
    }

    private Label lastLabel;
    private final Map<String, Label> labels = new LinkedHashMap<>();
    /** The grid cell of an input that sits in a composite with a button. */
    private final Map<String, Control> cells = new LinkedHashMap<>();

    private Composite row(String label) {
        Label l = new Label(body, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        lastLabel = l;
        return body;
    }

    /** Shows or hides a whole row (label, input, message), e.g. the 在留 items for Japanese residents. */
    public void show(String key, boolean visible) {
        for (Control c : new Control[] { labels.get(key), cells.getOrDefault(key, inputs.get(key)), messages.get(key) }) {
            if (c != null) {
                c.setVisible(visible);
                ((GridData) c.getLayoutData()).exclude = !visible;
            }
        }
        if (!visible) {
            clearError(key);
        }
    }

    private void finish(String key, Control input, int widthChars) {
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
        Label message = new Label(body, SWT.NONE);
        message.setData(UiKeys.KEY, "form." + key + ".message");
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
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

    /**
     * Reads a field through a parser; on a DomainException the Japanese message goes next to the
     * field and empty is returned, so the caller can collect every error in one pass.
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
            error(key, e.getMessage());
            return Optional.empty();
        }
    }

    public Optional<LocalDate> parseDate(String key, boolean required) {
        return parse(key, v -> WarekiDate.parse(v).date(), required);
    }

    public void error(String key, String message) {
        Label l = messages.get(key);
        l.setForeground(l.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        l.setText(message);
        body.layout(true, true);
    }

    private void hint(String key, String text) {
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
        return messages.values().stream()
                .anyMatch(l -> !l.getText().isEmpty() && !l.getText().startsWith("→"));
    }

    public String message(String key) {
        return messages.get(key).getText();
    }

    public void focus(String key) {
        inputs.get(key).setFocus();
    }
}
