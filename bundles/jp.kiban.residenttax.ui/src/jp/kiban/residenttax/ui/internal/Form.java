package jp.kiban.residenttax.ui.internal;

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
import jp.kiban.ui.UiKeys;

/**
 * A counter form as the resident screens have it (their {@code Form} is internal to jp.kiban.resident.ui): one row
 * per field (label, input, message), Enter moves on, a date shows the understood 和暦 date while typing, a refused
 * value gets its Japanese message by the field and nothing typed is lost. Keys: {@code form.<key>} and
 * {@code form.<key>.message}.
 */
final class Form {
    private final Composite body;
    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private final int columns;

    Form(Composite parent, int columns) {
        this.columns = columns;
        body = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3 * columns, false);
        layout.horizontalSpacing = 10;
        layout.verticalSpacing = 6;
        body.setLayout(layout);
    }

    Composite body() {
        return body;
    }

    Label section(String text) {
        Label l = new Label(body, SWT.NONE);
        l.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false, ((GridLayout) body.getLayout()).numColumns, 1);
        gd.verticalIndent = 8;
        l.setLayoutData(gd);
        return l;
    }

    Text text(String key, String label, int widthChars) {
        Text t = new Text(row(label), SWT.BORDER | SWT.SINGLE);
        finish(key, t, widthChars);
        return t;
    }

    Combo choice(String key, String label, String... items) {
        Combo c = new Combo(row(label), SWT.DROP_DOWN | SWT.READ_ONLY);
        c.setItems(items);
        if (items.length > 0) {
            c.select(0);
        }
        finish(key, c, 9);
        return c;
    }

    /** A date typed as 令和8年4月1日, R8.4.1, 2026-04-01 …; the understood date is shown as the hint. */
    Text date(String key, String label) {
        Text t = text(key, label, 12);
        t.setMessage("R8.4.1");
        t.addModifyListener(e -> {
            String v = t.getText().strip();
            if (v.isEmpty()) {
                clearError(key);
                return;
            }
            try {
                hint(key, "→ " + WarekiDate.parse(v).format());
            } catch (DomainException ex) {
                hint(key, "");
            }
        });
        return t;
    }

    private Composite row(String label) {
        Label l = new Label(body, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        return body;
    }

    private void finish(String key, Control input, int widthChars) {
        input.setData(UiKeys.KEY, "form." + key);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        gd.widthHint = Math.max(80, widthChars * 14);
        input.setLayoutData(gd);
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
        } // one column: the message takes the room it needs (none while there is nothing to say)
        message.setLayoutData(mgd);
        inputs.put(key, input);
        messages.put(key, message);
    }

    String value(String key) {
        Control c = inputs.get(key);
        if (c instanceof Text t) {
            return t.getText().strip();
        }
        if (c instanceof Combo combo) {
            return combo.getText();
        }
        throw new IllegalArgumentException("no field " + key);
    }

    void set(String key, String value) {
        Control c = inputs.get(key);
        if (c instanceof Text t) {
            t.setText(value);
        } else if (c instanceof Combo combo) {
            combo.setText(value);
        }
        clearError(key);
    }

    Control input(String key) {
        return inputs.get(key);
    }

    /** Reads a field through a parser; a refusal's Japanese message goes next to the field and empty is returned. */
    <T> Optional<T> parse(String key, Function<String, T> parser, boolean required) {
        String v = value(key);
        if (v.isEmpty()) {
            if (required) {
                error(key, Messages.get("form.required"));
            } else {
                clearError(key);
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

    Optional<LocalDate> parseDate(String key, boolean required) {
        return parse(key, v -> WarekiDate.parse(v).date(), required);
    }

    /** A whole number of yen: digits, optionally with commas or 円; full-width digits are accepted. */
    Optional<Long> parseYen(String key, boolean required) {
        return parse(key, v -> {
            String s = java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFKC).replace(",", "").replace("円", "")
                    .strip();
            if (!s.matches("\\d{1,11}")) {
                throw new IllegalArgumentException(Messages.get("form.yen", v));
            }
            return Long.parseLong(s);
        }, required);
    }

    /** A number of persons, 0 to 20; full-width digits are accepted; empty is 0. */
    Optional<Integer> parseCount(String key) {
        Optional<Integer> n = parse(key, v -> {
            String s = java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFKC).replace("人", "").strip();
            if (!s.matches("\\d{1,2}") || Integer.parseInt(s) > 20) {
                throw new IllegalArgumentException(Messages.get("form.count", v));
            }
            return Integer.parseInt(s);
        }, false);
        return value(key).isEmpty() ? Optional.of(0) : n;
    }

    void error(String key, String message) {
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

    void clearError(String key) {
        Label l = messages.get(key);
        if (l != null && !l.isDisposed()) {
            l.setText("");
        }
    }

    boolean hasErrors() {
        return messages.values().stream().anyMatch(l -> !l.getText().isEmpty() && !l.getText().startsWith("→"));
    }
}
