package jp.kiban.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import jp.kiban.core.csv.Csv;

/** The results of a run as a text table, Markdown, CSV and one PNG with a small chart per figure. */
public final class Report {
    private final Machine machine;
    private final List<Figure> figures;
    private final String title;

    public Report(String title, Machine machine, List<Figure> figures) {
        this.title = title;
        this.machine = machine;
        this.figures = List.copyOf(figures);
    }

    /** Figures for the table: everything but the info rows, grouped by figure in order of first appearance, sizes ascending. */
    List<Figure> tableRows() {
        Map<String, List<Figure>> byId = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (!f.id().startsWith("info.")) {
                byId.computeIfAbsent(f.db() + "/" + f.id(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Figure> rows = new ArrayList<>();
        byId.values().forEach(list -> list.stream().sorted(java.util.Comparator.comparingInt(Figure::size)).forEach(rows::add));
        return rows;
    }

    private static final String[] HEADER = { "Figure", "DB", "Town", "Unit", "n", "min", "p50", "p95", "p99", "max",
            "SQL p50", "×SQL", "Note" };

    private List<String[]> cells() {
        List<String[]> out = new ArrayList<>();
        for (Figure f : tableRows()) {
            out.add(new String[] { f.label(), f.db(), String.format(Locale.ROOT, "%,d", f.size()), f.unit(),
                    f.measured() ? Integer.toString(f.samples()) : "", num(f.min()), num(f.p50()), num(f.p95()),
                    num(f.p99()), num(f.max()), num(f.sqlP50()),
                    f.ratio() == null ? "" : String.format(Locale.ROOT, "%.1f", f.ratio()), f.note() });
        }
        return out;
    }

    static String num(Double d) {
        if (d == null) {
            return "";
        }
        double a = Math.abs(d);
        String format = a >= 1000 ? "%,.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, d);
    }

    /** The table as plain text with aligned columns (East Asian wide characters count twice). */
    public String text() {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(cells());
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                width[i] = Math.max(width[i], displayWidth(r[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        machine.lines().forEach(l -> sb.append(l).append('\n'));
        sb.append('\n');
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean numeric = i >= 2 && i <= 11 && i != 3;
                String cell = r[i];
                int pad = i == r.length - 1 ? 0 : width[i] - displayWidth(cell);
                if (numeric) {
                    line.append(" ".repeat(pad)).append(cell);
                } else {
                    line.append(cell).append(" ".repeat(pad));
                }
                line.append("  ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The same table in Markdown, for docs/performance.md. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        for (int i = 0; i < HEADER.length; i++) {
            sb.append(i >= 2 && i <= 11 && i != 3 ? "---:|" : "---|");
        }
        sb.append('\n');
        for (String[] r : cells()) {
            sb.append("| ").append(String.join(" | ", java.util.Arrays.stream(r).map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static int displayWidth(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp == 0x00D7 || cp >= 0x20000;
    }

    public String csv() {
        StringBuilder sb = new StringBuilder(Csv.format(Figure.COLUMNS)).append('\n');
        figures.forEach(f -> sb.append(f.csvLine()).append('\n'));
        return sb.toString();
    }

    /** Writes results.csv, table.txt, table.md and chart.png into {@code folder}; returns the files written. */
    public List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path csv = folder.resolve("results.csv");
        Files.writeString(csv, csv(), StandardCharsets.UTF_8);
        Path txt = folder.resolve("table.txt");
        Files.writeString(txt, text(), StandardCharsets.UTF_8);
        Path md = folder.resolve("table.md");
        Files.writeString(md, String.join("\n", machine.lines().stream().map(l -> "    " + l).toList()) + "\n\n" + markdown(),
                StandardCharsets.UTF_8);
        Path png = folder.resolve("chart.png");
        ImageIO.write(chart(), "png", png.toFile());
        return List.of(csv, txt, md, png);
    }

    // ==== chart ==================================================================================

    private record Panel(String title, String unit, List<String> ids, Function<Figure, Double> value) {
    }

    private static final List<String> SEARCHES = List.of("search.kana", "search.kanji", "search.birth", "search.address",
            "search.number");

    private static final List<Panel> PANELS = List.of(
            new Panel("Counter search, service p50", "ms", SEARCHES, Figure::p50),
            new Panel("Counter search, service p95", "ms", SEARCHES, Figure::p95),
            new Panel("Counter search, plain SQL p50", "ms", SEARCHES, Figure::sqlP50),
            new Panel("Search service / plain SQL (p50 ratio)", "x", SEARCHES, Figure::ratio),
            new Panel("Change throughput (move, register + confirm), median", "changes/s", List.of("change.rate"), Figure::p50),
            new Panel("Resident copy PDF (household)", "ms", List.of("cert.time", "cert.first"), Figure::p50),
            new Panel("1,000 address labels (24 per A4 sheet), median", "s", List.of("labels.1000"), Figure::p50),
            new Panel("Demo town generation", "persons/s", List.of("generate.rate"), Figure::p50),
            new Panel("Heap used (after GC) and database on disk", "MB", List.of("heap.loaded", "desk.heap", "disk.database"),
                    Figure::p50),
            new Panel("Desk client: launch to login window / to logged in, median", "s", List.of("desk.launch", "desk.login"),
                    Figure::p50),
            new Panel("Yearly batches, whole town (kokuho, juminzei), median", "s", List.of("batch.kokuho", "batch.juminzei"),
                    Figure::p50),
            new Panel("Sync: push of the backlog and replica download", "s", List.of("sync.push", "sync.replica"),
                    Figure::p50));

    /** One small line chart per figure, town size on the x axis. */
    public BufferedImage chart() {
        int columns = 3;
        int w = 560;
        int h = 340;
        int top = 40;
        int rows = (PANELS.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * w, top + rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(asciiTitle(), 12, 18);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(machine.cpu() + ", " + machine.cores() + " cores; " + machine.jdk() + "; " + machine.database(), 12, 34);
            for (int i = 0; i < PANELS.size(); i++) {
                JFreeChart chart = chart(PANELS.get(i));
                chart.draw(g, new Rectangle2D.Double((i % columns) * w, top + (i / columns) * h, w, h));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private String asciiTitle() {
        return title.codePoints().allMatch(cp -> cp < 0x3000) ? title : "Kiban benchmark";
    }

    private JFreeChart chart(Panel panel) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String id : panel.ids()) {
            Map<String, XYSeries> perDb = new LinkedHashMap<>();
            for (Figure f : figures) {
                Double v = f.id().equals(id) ? panel.value().apply(f) : null;
                if (v != null) {
                    String name = id + (dbs() > 1 ? " (" + f.db() + ")" : "");
                    perDb.computeIfAbsent(name, n -> new XYSeries(n, true, false)).add(f.size(), v.doubleValue());
                }
            }
            perDb.values().forEach(data::addSeries);
        }
        // a linear size axis: a figure that grows in proportion to the town is a straight line
        NumberAxis x = new NumberAxis("Town size (residents)");
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis(panel.unit());
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setTitle(new TextTitle(panel.title() + (data.getSeriesCount() == 0 ? " (not measured)" : ""),
                new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private long dbs() {
        return figures.stream().map(Figure::db).distinct().count();
    }
}
