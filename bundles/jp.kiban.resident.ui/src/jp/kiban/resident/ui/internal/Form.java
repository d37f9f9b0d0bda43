package jp.kiban.resident.ui.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;

import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.ui.UiKeys;

/**
 * The counter form of the resident screens: the shared {@link jp.kiban.ui.Form} in one column with wider
 * drop-downs and dates, plus what only these screens need: a date that may be partly unknown (生年月日 of the
 * register), a text field with a button beside it (字 for the 文字コード照会) and rows that can be hidden (the 在留
 * items for Japanese residents).
 */
public final class Form extends jp.kiban.ui.Form {
    /** The grid cell of an input that sits in a composite with a button. */
    private final Map<String, Control> cells = new LinkedHashMap<>();

    public Form(Composite parent) {
        super(parent, 1, 16, 0);
    }

    /**
     * A text field with a small button to its right (e.g. 字 for the 文字コード照会); the button's key is
     * {@code form.<key>.<buttonKey>} and pressing it hands the text field to {@code action}.
     */
    public Text text(String key, String label, int widthChars, String buttonText, String buttonKey,
            Consumer<Text> action) {
        row(label);
        Composite cell = new Composite(body(), SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.horizontalSpacing = 4;
        cell.setLayout(layout);
        Text t = new Text(cell, SWT.BORDER | SWT.SINGLE);
        GridData tgd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        tgd.widthHint = Math.max(80, widthChars * 14);
        t.setLayoutData(tgd);
        Button button = new Button(cell, SWT.PUSH);
        button.setText(buttonText);
        button.setData(UiKeys.KEY, "form." + key + "." + buttonKey);
        button.addListener(SWT.Selection, e -> action.accept(t));
        finish(key, t, widthChars);
        cell.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        cells.put(key, cell);
        return t;
    }

    /**
     * A date typed as 令和6年4月1日, R6.4.1, 2024-04-01 …; the understood date is shown as the hint. With
     * {@code allowPartlyUnknown} a partly unknown date is accepted as the register records it (日不詳, 月日不詳 …).
     */
    public Text date(String key, String label, boolean allowPartlyUnknown) {
        return date(key, label, 16, "R6.4.1",
                v -> allowPartlyUnknown ? RecordedDate.parse(v).format() : WarekiDate.parse(v).format());
    }

    /** Shows or hides a whole row (label, input, message), e.g. the 在留 items for Japanese residents. */
    public void show(String key, boolean visible) {
        for (Control c : new Control[] { label(key), cells.getOrDefault(key, input(key)), messageLabel(key) }) {
            if (c != null) {
                c.setVisible(visible);
                ((GridData) c.getLayoutData()).exclude = !visible;
            }
        }
        if (!visible) {
            clearError(key);
        }
    }

    public String message(String key) {
        return messageLabel(key).getText();
    }

    public void focus(String key) {
        input(key).setFocus();
    }
}
