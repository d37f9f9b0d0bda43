package jp.kiban.testing.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/**
 * A small UI test driver in SWTBot's style, on plain SWT (SWTBot is not on Maven Central).
 * Tests run on a non-UI thread; every widget access goes through {@link #ui(Supplier)}. Widgets are
 * found by a stable key in {@code widget.getData(key)}, never by position; every wait is bounded.
 * Keep it small and general, so it can be swapped for SWTBot one day.
 */
public final class Bot {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MS = 100;

    private final String dataKey;

    /** @param dataKey the SWT data key under which the application stores widget ids */
    public Bot(String dataKey) {
        this.dataKey = Objects.requireNonNull(dataKey);
    }

    public static Display display() {
        return Display.getDefault();
    }

    /** Runs on the UI thread and returns the result; exceptions are rethrown on the calling thread. */
    public static <T> T ui(Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(s.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    public static void ui(Runnable r) {
        ui(() -> {
            r.run();
            return null;
        });
    }

    /** Polls {@code probe} until it gives a non-null value; fails with {@code what} after the timeout. */
    public static <T> T waitFor(String what, Supplier<T> probe, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                T v = probe.get();
                if (v != null && !Boolean.FALSE.equals(v)) {
                    return v;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitTimeoutException("interrupted while waiting for " + what);
            }
        }
        WaitTimeoutException e = new WaitTimeoutException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
        if (last != null) {
            e.initCause(last);
        }
        throw e;
    }

    public static <T> T waitFor(String what, Supplier<T> probe) {
        return waitFor(what, probe, DEFAULT_TIMEOUT);
    }

    /** The first visible shell that matches. */
    public Shell shell(String what, Predicate<Shell> match) {
        return waitFor("shell " + what, () -> ui(() -> {
            for (Shell s : display().getShells()) {
                if (!s.isDisposed() && s.isVisible() && match.test(s)) {
                    return s;
                }
            }
            return null;
        }));
    }

    /** The visible widget of the given type whose data key is {@code id}, in any shell. */
    public <W extends Control> W widget(Class<W> type, String id) {
        return waitFor(type.getSimpleName() + " '" + id + "'", () -> ui(() -> {
            for (Shell s : display().getShells()) {
                W found = find(s, type, id);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }));
    }

    private <W extends Control> W find(Control c, Class<W> type, String id) {
        if (c.isDisposed() || !c.isVisible()) {
            return null;
        }
        if (type.isInstance(c) && id.equals(c.getData(dataKey))) {
            return type.cast(c);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                W w = find(child, type, id);
                if (w != null) {
                    return w;
                }
            }
        }
        return null;
    }

    /**
     * True when a person could see the control: visible, not empty, and inside its shell's client
     * area (a control laid out to zero height or outside the window is "visible" to SWT but not to anyone).
     */
    public static boolean isShownOnScreen(Control c) {
        return ui(() -> {
            if (c.isDisposed() || !c.isVisible()) {
                return false;
            }
            Rectangle b = c.getBounds();
            if (b.width <= 0 || b.height <= 0) {
                return false;
            }
            Shell shell = c.getShell();
            Rectangle onDisplay = c.getDisplay().map(c.getParent(), null, b);
            Rectangle client = c.getDisplay().map(shell, null, shell.getClientArea());
            return client.contains(onDisplay.x, onDisplay.y)
                    && client.contains(onDisplay.x + onDisplay.width - 1, onDisplay.y + onDisplay.height - 1);
        });
    }

    /** A menu label without its mnemonic: "ファイル(&F)" → "ファイル", "&File" → "File". */
    public static String plain(String label) {
        String s = label.replaceAll("\\(&.\\)", "").replace("&", "");
        int tab = s.indexOf('\t');
        return (tab >= 0 ? s.substring(0, tab) : s).strip();
    }

    /** Labels of a shell's menu bar, or of the submenu at {@code path}. */
    public List<String> menuLabels(Shell shell, String... path) {
        return ui(() -> {
            Menu menu = shell.getMenuBar();
            for (String p : path) {
                MenuItem item = item(menu, p);
                fire(item, SWT.Arm);
                menu = item.getMenu();
                menu.notifyListeners(SWT.Show, new Event()); // e4 fills menus lazily
            }
            List<String> labels = new ArrayList<>();
            for (MenuItem i : menu.getItems()) {
                if ((i.getStyle() & SWT.SEPARATOR) == 0) {
                    labels.add(plain(i.getText()));
                }
            }
            return labels;
        });
    }

    /** Clicks a menu entry: {@code clickMenu(shell, "業務", "ホームを表示")}. */
    public void clickMenu(Shell shell, String... path) {
        ui(() -> {
            Menu menu = shell.getMenuBar();
            MenuItem item = null;
            for (String p : path) {
                if (item != null) {
                    menu = item.getMenu();
                }
                menu.notifyListeners(SWT.Show, new Event());
                item = item(menu, p);
            }
            fire(item, SWT.Selection);
        });
    }

    private static MenuItem item(Menu menu, String label) {
        for (MenuItem i : menu.getItems()) {
            if (plain(i.getText()).equals(label)) {
                return i;
            }
        }
        List<String> have = new ArrayList<>();
        for (MenuItem i : menu.getItems()) {
            have.add(plain(i.getText()));
        }
        throw new IllegalStateException("no menu item '" + label + "' among " + have);
    }

    private static void fire(Widget w, int type) {
        Event e = new Event();
        e.widget = w;
        w.notifyListeners(type, e);
    }

    /** Texts of a tree as "group/entry" paths, depth first. */
    public static List<String> treePaths(Tree tree) {
        return ui(() -> {
            List<String> out = new ArrayList<>();
            for (TreeItem i : tree.getItems()) {
                collect(i, "", out);
            }
            return out;
        });
    }

    private static void collect(TreeItem item, String prefix, List<String> out) {
        String path = prefix.isEmpty() ? item.getText() : prefix + "/" + item.getText();
        out.add(path);
        for (TreeItem child : item.getItems()) {
            collect(child, path, out);
        }
    }

    /** Selects the tree item at {@code path} and presses Enter on it, as a double-click would. */
    public static void activateTreeItem(Tree tree, String... path) {
        ui(() -> {
            TreeItem[] level = tree.getItems();
            TreeItem found = null;
            for (String p : path) {
                found = null;
                for (TreeItem i : level) {
                    if (i.getText().equals(p)) {
                        found = i;
                        break;
                    }
                }
                if (found == null) {
                    throw new IllegalStateException("no tree item '" + p + "' in " + String.join("/", path));
                }
                found.setExpanded(true);
                level = found.getItems();
            }
            tree.setSelection(found);
            Event e = new Event();
            e.item = found;
            tree.notifyListeners(SWT.Selection, e);
            Event d = new Event();
            d.item = found;
            tree.notifyListeners(SWT.DefaultSelection, d);
        });
    }

    /** Types text into a field as a person would end up with it: focus, replace, Modify fired by SWT. */
    public void type(String id, String text) {
        org.eclipse.swt.widgets.Text t = widget(org.eclipse.swt.widgets.Text.class, id);
        ui(() -> {
            t.setFocus();
            t.setText(text);
        });
    }

    /** Chooses an item of a read-only combo by its text. */
    public void choose(String id, String item) {
        org.eclipse.swt.widgets.Combo c = widget(org.eclipse.swt.widgets.Combo.class, id);
        ui(() -> {
            int index = c.indexOf(item);
            if (index < 0) {
                throw new IllegalStateException("no item '" + item + "' in combo " + id);
            }
            c.select(index);
            c.notifyListeners(SWT.Selection, new Event());
        });
    }

    /** Ticks or clears a check box, as a click on it would. */
    public void check(String id, boolean checked) {
        org.eclipse.swt.widgets.Button b = widget(org.eclipse.swt.widgets.Button.class, id);
        ui(() -> {
            if (b.getSelection() != checked) {
                b.setSelection(checked);
                b.notifyListeners(SWT.Selection, new Event());
            }
        });
    }

    /** Presses a button (enabled ones only, as a person can). */
    public void click(String id) {
        org.eclipse.swt.widgets.Button b = widget(org.eclipse.swt.widgets.Button.class, id);
        ui(() -> {
            if (!b.isEnabled()) {
                throw new IllegalStateException("button " + id + " is disabled");
            }
            b.setFocus();
            b.notifyListeners(SWT.Selection, new Event());
        });
    }

    /**
     * Presses a button that opens a modal dialog: the press runs later on the UI thread, so the test
     * thread is free to drive the dialog (a synchronous press would wait for the dialog to close).
     */
    public void clickAsync(String id) {
        org.eclipse.swt.widgets.Button b = widget(org.eclipse.swt.widgets.Button.class, id);
        display().asyncExec(() -> {
            if (!b.isDisposed() && b.isEnabled()) {
                b.notifyListeners(SWT.Selection, new Event());
            }
        });
    }

    /** The text of a label. */
    public String text(String id) {
        org.eclipse.swt.widgets.Label l = widget(org.eclipse.swt.widgets.Label.class, id);
        return ui(l::getText);
    }

    /** Every row of a table, each as its cells' texts. */
    public List<List<String>> rows(String id) {
        org.eclipse.swt.widgets.Table t = widget(org.eclipse.swt.widgets.Table.class, id);
        return ui(() -> {
            List<List<String>> out = new ArrayList<>();
            for (org.eclipse.swt.widgets.TableItem item : t.getItems()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < t.getColumnCount(); i++) {
                    cells.add(item.getText(i));
                }
                out.add(cells);
            }
            return out;
        });
    }

    /** Selects rows of a table (by index) and fires Selection; {@code open} also fires DefaultSelection (Enter). */
    public void selectRows(String id, boolean open, int... indices) {
        org.eclipse.swt.widgets.Table t = widget(org.eclipse.swt.widgets.Table.class, id);
        ui(() -> {
            t.setSelection(indices);
            Event e = new Event();
            e.item = t.getItem(indices[0]);
            t.notifyListeners(SWT.Selection, e);
            if (open) {
                Event d = new Event();
                d.item = t.getItem(indices[0]);
                t.notifyListeners(SWT.DefaultSelection, d);
            }
        });
    }

    /** A PNG of the whole screen, in {@code target/screenshots/<name>.png}; returns the file. */
    public static Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("kiban.screenshots", "target/screenshots"));
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        ui(() -> {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            Display d = display();
            // paint what is pending, or the picture shows the state before the last input
            for (Shell shell : d.getShells()) {
                if (!shell.isDisposed()) {
                    shell.update();
                }
            }
            while (d.readAndDispatch()) {
                // drain queued paints
            }
            Rectangle b = d.getBounds();
            Image img = new Image(d, b.width, b.height);
            GC gc = new GC(d);
            try {
                gc.copyArea(img, 0, 0);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { img.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
            img.dispose();
        });
        return file;
    }
}
