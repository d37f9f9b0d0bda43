package jp.kiban.bench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kiban.bench.BenchCommand;
import jp.kiban.bench.Figure;
import jp.kiban.bench.Machine;
import jp.kiban.bench.Report;
import jp.kiban.core.csv.Csv;

/**
 * The benchmark end to end on a tiny town, in this OSGi runtime: the child part (generation, searches
 * beside plain SQL, 転居, 住民票の写し) and the report (CSV, table, chart). No timing is asserted: only
 * that every figure is there, measured or saying why not, and that the files are well-formed.
 */
class BenchTest {

    record Run(int code, String out, String err) {
    }

    static Run bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<List<String>> csv(Path file) throws Exception {
        Csv.Parsed parsed = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(parsed.problems().isEmpty(), "CSV problems: " + parsed.problems());
        return parsed.rows().stream().map(Csv.Row::fields).toList();
    }

    @Test
    void tinyTownEndToEndWritesEveryFigure(@TempDir Path dir) throws Exception {
        Path rows = dir.resolve("rows.csv");
        Run run = bench("--child", "--size", "200", "--repeat", "1", "--queries", "5", "--changes", "3",
                "--certificates", "2", "--rows", rows.toString());
        assertEquals(0, run.code(), run.err());

        List<List<String>> lines = csv(rows);
        assertEquals(Figure.COLUMNS, lines.get(0));
        List<Figure> figures = lines.stream().skip(1).map(Figure::fromCsv).toList();
        Map<String, Figure> byId = figures.stream().collect(Collectors.toMap(Figure::id, Function.identity()));
        figures.forEach(f -> {
            assertEquals("derby", f.db());
            assertEquals(200, f.size());
        });

        assertTrue(byId.get("info.database").note().startsWith("Apache Derby"), byId.get("info.database").note());
        Figure generated = byId.get("generate.rate");
        assertTrue(generated.measured());
        int persons = Integer.parseInt(generated.note().substring(0, generated.note().indexOf(' ')));
        assertTrue(persons >= 200, generated.note());

        for (String id : List.of("search.kana", "search.kanji", "search.birth", "search.address", "search.number")) {
            Figure f = byId.get(id);
            assertNotNull(f, id);
            assertEquals(5, f.samples(), id);
            assertEquals("ms", f.unit());
            assertTrue(f.min() > 0 && f.min() <= f.p50() && f.p50() <= f.max(), id + ": " + f);
            assertNull(f.p95(), "too few samples for a p95: " + f);
            assertNotNull(f.sqlP50(), id);
            assertNotNull(f.ratio(), id);
            // every input comes from someone on the register, so every search finds someone
            double hits = Double.parseDouble(f.note().substring(0, f.note().indexOf(' ')));
            assertTrue(hits >= 1, id + ": " + f.note());
        }
        // a 宛名番号 is one person
        assertTrue(byId.get("search.number").note().startsWith("1.0 hits"), byId.get("search.number").note());

        Figure changes = byId.get("change.rate");
        assertTrue(changes.measured(), changes.note());
        assertTrue(changes.note().startsWith("3 changes"), changes.note());
        assertEquals(3, byId.get("change.latency").samples());

        assertTrue(byId.get("cert.first").measured());
        assertEquals(2, byId.get("cert.time").samples());
        assertTrue(byId.get("cert.size").min() > 1, "a PDF with an embedded font subset is more than 1 KB");
        assertTrue(byId.get("heap.loaded").p50() > 0);

        Figure labels = byId.get("labels.1000");
        assertTrue(labels.measured(), labels.note());
        assertTrue(labels.note().matches("\\d+ labels on \\d+ pages, \\d+ KB; the town has only \\d+ people on the register"),
                labels.note());

        // what the access log costs a read, beside the floor of a write transaction
        // (measured when the access log is installed, as in the product; this test runtime has none)
        Figure entry = byId.get("access.entry");
        assertNotNull(entry);
        if (entry.measured()) {
            assertEquals(5, entry.samples());
            assertNotNull(entry.sqlP50());
        } else {
            assertTrue(entry.note().startsWith("not measured"), entry.note());
        }

        // no business bundles and no central server in this runtime: the rows say why
        assertFalse(byId.get("business.demo").measured());
        for (String id : List.of("batch.juminzei", "batch.kokuho", "sync.push", "sync.replica")) {
            Figure f = byId.get(id);
            assertFalse(f.measured(), id);
            assertTrue(f.note().startsWith("not measured"), id + ": " + f.note());
        }

        // the report over these figures
        Path out = dir.resolve("report");
        Report report = new Report("Kiban benchmark (test)", Machine.current(byId.get("info.database").note(), ""), figures);
        List<Path> files = report.write(out);
        assertEquals(List.of("results.csv", "table.txt", "table.md", "chart.png"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        List<List<String>> results = csv(out.resolve("results.csv"));
        assertEquals(Figure.COLUMNS, results.get(0));
        assertEquals(figures.size(), results.size() - 1);
        List<String> kana = results.stream().filter(r -> r.get(2).equals("search.kana")).findFirst().orElseThrow();
        assertFalse(kana.get(Figure.COLUMNS.indexOf("ratio")).isEmpty(), "the ratio column is filled for searches");
        String table = Files.readString(out.resolve("table.txt"), StandardCharsets.UTF_8);
        assertTrue(table.contains("Search: フリガナ prefix"), table);
        assertTrue(table.contains("not measured: the 国保 bundles"), table);
        assertTrue(table.contains("CPU "), table);
        BufferedImage chart = ImageIO.read(out.resolve("chart.png").toFile());
        assertNotNull(chart);
        assertTrue(chart.getWidth() >= 1000 && chart.getHeight() >= 600, chart.getWidth() + "x" + chart.getHeight());
    }

    @Test
    void wrongUsageIsRefusedWithExitCode2() {
        Run tooSmall = bench("--sizes", "5");
        assertEquals(2, tooSmall.code());
        assertTrue(tooSmall.err().contains("--sizes must be town sizes between 10 and 1000000"), tooSmall.err());
        Run engine = bench("--db", "oracle", "--no-desk");
        assertEquals(2, engine.code());
        assertTrue(engine.err().contains("--db must be derby or postgresql"), engine.err());
        Run child = bench("--child");
        assertEquals(2, child.code());
        assertTrue(child.err().contains("--child needs --size and --rows"), child.err());
    }

    @Test
    void percentilesAndSpread() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[values.length - 1 - i] = i + 1; // 100 … 1, unsorted on purpose
        }
        Figure f = Figure.of("derby", 1000, "search.kana", "x", "ms", values, 25.25, "");
        assertEquals(1, f.min());
        assertEquals(50.5, f.p50());
        assertEquals(95, f.p95());
        assertEquals(99, f.p99());
        assertEquals(100, f.max());
        assertEquals(2.0, f.ratio(), 1e-9);

        Figure few = Figure.of("derby", 1000, "change.rate", "x", "changes/s", new double[] { 30, 10, 20 }, null, "");
        assertEquals(20, few.p50());
        assertNull(few.p95(), "three samples have no p95");
        assertNull(few.ratio());
        assertEquals(few, Figure.fromCsv(Csv.parse(few.csvLine()).rows().get(0).fields()));

        Figure none = Figure.notMeasured("derby", 1000, "labels.1000", "x", "s", "not available yet: no labels");
        assertFalse(none.measured());
        assertEquals("", none.csvFields().get(Figure.COLUMNS.indexOf("p50")));
    }
}
