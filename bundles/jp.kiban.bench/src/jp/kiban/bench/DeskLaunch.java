package jp.kiban.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the installed desk client on a benchmark's data folder and times it from process start to the
 * log line its home part writes once the main window is up and the database answered ("Desk client
 * home shown for …", the line the launcher's smoke test waits for). Then asks the JVM for its heap
 * after a full GC (jcmd), and closes the client.
 */
final class DeskLaunch {
    static final String HOME_SHOWN = "Desk client home shown for";
    /** LoginAddon's line once an operator is in and the main window shows (here the demo administrator, desk.demoLogin). */
    static final String LOGGED_IN = "Logged in at this desk";
    /** The demo account the desk client logs in without the login window (setting desk.demoLogin). */
    static final String DEMO_LOGIN = "kanri";
    private static final long LOGIN_TIMEOUT_S = 60;
    private static final long TIMEOUT_S = 180;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Path java;
    private final Path launcher;
    private final List<String> jvmOptions;
    private final PrintStream log;

    DeskLaunch(Path java, Path launcher, List<String> jvmOptions, PrintStream log) {
        this.java = java;
        this.launcher = launcher;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
    }

    /** The first launch (fresh configuration area) and {@code repeat} more; figures desk.first, desk.launch, desk.heap. */
    List<Figure> measure(String db, int size, Path data, int repeat) {
        List<Double> launches = new ArrayList<>();
        List<Double> logins = new ArrayList<>();
        List<Double> heaps = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        String problem = null;
        for (int i = 0; i <= repeat && problem == null; i++) {
            try {
                loads.add(Machine.loadAverage());
                double[] r = launchOnce(data);
                launches.add(r[0]);
                if (r[3] >= 0 && i > 0) {
                    cpus.add(r[3]);
                }
                if (r[1] >= 0) {
                    logins.add(r[1]);
                }
                if (r[2] >= 0) {
                    heaps.add(r[2]);
                }
                log.printf("[%d]   desk client %d: login window after %.1f s, logged in with the main window shown after %s"
                        + " (CPU %.1f s, load %s)%n", size, i + 1, r[0],
                        r[1] < 0 ? "(no login)" : String.format(Locale.ROOT, "%.1f s", r[1]), r[3], loads.get(loads.size() - 1));
            } catch (IOException | RuntimeException e) {
                problem = e.getMessage();
                log.printf("[%d]   desk client: %s%n", size, problem);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "interrupted";
            }
        }
        List<Figure> out = new ArrayList<>();
        // the wall-clock figures grow with the machine's load (a launch is several CPU-seconds on few cores): say which
        String load = loads.isEmpty() ? "" : "1-min load " + String.join(", ", loads) + " at the launches";
        String label = "Desk client: launch to login window (main window built)";
        if (launches.isEmpty()) {
            out.add(Figure.notMeasured(db, size, "desk.launch", label, "s", "not measured: " + problem));
            return out;
        }
        out.add(Figure.of(db, size, "desk.first", label + " (first start)", "s", new double[] { launches.get(0) }, null,
                "fresh Equinox configuration area"));
        double[] warm = launches.subList(1, launches.size()).stream().mapToDouble(Double::doubleValue).toArray();
        out.add(warm.length == 0 ? Figure.notMeasured(db, size, "desk.launch", label, "s", problem == null ? "" : problem)
                : Figure.of(db, size, "desk.launch", label, "s", warm, null, problem == null ? load : problem));
        if (!cpus.isEmpty()) {
            out.add(Figure.of(db, size, "desk.cpu", "Desk client: CPU time of a launch until logged in (all threads)", "s",
                    cpus.stream().mapToDouble(Double::doubleValue).toArray(), null,
                    "user + system time of the desk process (JIT compilers, OSGi start, e4/SWT, Derby, the login);"
                            + " unlike the wall-clock figures, hardly changed by other work on the machine"));
        }
        String loginLabel = "Desk client: launch to logged in, main window shown";
        if (logins.isEmpty()) {
            out.add(Figure.notMeasured(db, size, "desk.login", loginLabel, "s",
                    "not measured: the desk client did not log in the demo administrator (desk.demoLogin)"));
        } else {
            out.add(Figure.of(db, size, "desk.login.first", loginLabel + " (first start)", "s", new double[] { logins.get(0) },
                    null, "demo administrator " + DEMO_LOGIN + " logged in without typing (desk.demoLogin); fresh configuration area"));
            double[] warmLogins = logins.subList(1, logins.size()).stream().mapToDouble(Double::doubleValue).toArray();
            if (warmLogins.length > 0) {
                out.add(Figure.of(db, size, "desk.login", loginLabel, "s", warmLogins, null,
                        "demo administrator logged in without typing (password check PBKDF2 included)"));
            }
        }
        out.add(heaps.isEmpty() ? Figure.notMeasured(db, size, "desk.heap", "Desk client heap after login (after GC)", "MB",
                "jcmd did not answer")
                : Figure.of(db, size, "desk.heap", "Desk client heap after login (after GC)", "MB",
                        heaps.stream().mapToDouble(Double::doubleValue).toArray(), null,
                        "logged in, home shown on the town, nothing searched yet"));
        return out;
    }

    /**
     * Seconds to the home line, seconds to the login line (or -1), MB of heap used after a GC (or -1), and the CPU
     * seconds the process used until it was logged in (or home shown; -1 where the platform does not say).
     */
    private double[] launchOnce(Path data) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-Dkiban.data=" + data);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dderby.stream.error.file=" + data.resolve("logs").resolve("derby.log"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", launcher.toString(), "-configuration", data.resolve("runtime").resolve("desk").toString(),
                "-data", "@none", "-nl", "ja", "-consoleLog", "-clearPersistedState"));
        // demo mode on the (generated) demo town: the demo accounts exist, and the demo administrator logs in by itself
        cmd.add(1, "-Dkiban.demo=true");
        cmd.add(2, "-Dkiban.desk.demoLogin=" + DEMO_LOGIN);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch loggedIn = new CountDownLatch(1);
        AtomicLong shownAt = new AtomicLong();
        AtomicLong loggedInAt = new AtomicLong();
        AtomicReference<String> homeLine = new AtomicReference<>();
        Deque<String> tail = new ArrayDeque<>();
        long start = System.nanoTime();
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (shown.getCount() > 0 && line.contains(HOME_SHOWN)) {
                        shownAt.set(System.nanoTime());
                        homeLine.set(line);
                        shown.countDown();
                    }
                    if (loggedIn.getCount() > 0 && line.contains(LOGGED_IN)) {
                        loggedInAt.set(System.nanoTime());
                        loggedIn.countDown();
                    }
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 30) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        }, "kiban-bench-desk-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!shown.await(TIMEOUT_S, TimeUnit.SECONDS)) {
                synchronized (tail) {
                    throw new IllegalStateException("the desk client showed no home within " + TIMEOUT_S + " s"
                            + (p.isAlive() ? "" : " (it exited with " + p.exitValue() + ")") + "; last output: "
                            + String.join(" / ", tail));
                }
            }
            if (homeLine.get().contains("(database error)")) {
                throw new IllegalStateException("the desk client could not open the database: " + homeLine.get());
            }
            double seconds = (shownAt.get() - start) / 1e9;
            double login = loggedIn.await(LOGIN_TIMEOUT_S, TimeUnit.SECONDS) ? (loggedInAt.get() - start) / 1e9 : -1;
            double cpu = p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
            return new double[] { seconds, login, heapAfterGc(p.pid()), cpu };
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Heap used after a full GC, from jcmd of the same JDK; -1 if jcmd is missing or does not answer. */
    private double heapAfterGc(long pid) {
        Path jcmd = java.getParent().resolve(System.getProperty("os.name", "").startsWith("Windows") ? "jcmd.exe" : "jcmd");
        if (!jcmd.toFile().canExecute()) {
            return -1;
        }
        try {
            run(jcmd.toString(), Long.toString(pid), "GC.run");
            String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
            Matcher m = USED.matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
