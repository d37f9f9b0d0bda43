package jp.kiban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a run ran on, printed above every table: CPU, cores, memory, JDK, OS, database. */
public record Machine(String cpu, int cores, String memory, String jdk, String os, String database, String jvmOptions,
        String load) {

    public static Machine current(String database, String jvmOptions) {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), readMemory(),
                Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ", " + System.getProperty("java.vm.name", "?") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                        + distribution().map(d -> " (" + d + ")").orElse(""),
                database, jvmOptions == null || jvmOptions.isBlank() ? "(defaults)" : jvmOptions, "");
    }

    /** The same machine with what the load average was during the run (other work on the machine skews figures). */
    public Machine withLoad(String during) {
        return new Machine(cpu, cores, memory, jdk, os, database, jvmOptions, during);
    }

    /** The 1-minute load average, or empty where the OS does not tell. */
    public static String loadAverage() {
        return readLines("/proc/loadavg").stream().findFirst().map(s -> s.split("\\s+")[0]).orElse("");
    }

    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("CPU       " + cpu + ", " + cores + " cores available to the JVM");
        l.add("Memory    " + memory);
        l.add("JDK       " + jdk);
        l.add("JVM opts  " + jvmOptions);
        l.add("OS        " + os);
        l.add("Database  " + database);
        if (!load.isBlank()) {
            l.add("Load      " + load);
        }
        return l;
    }

    private static String cpuModel() {
        return readLines("/proc/cpuinfo").stream().filter(s -> s.startsWith("model name")).findFirst()
                .map(s -> s.substring(s.indexOf(':') + 1).strip())
                .orElse(System.getProperty("os.arch") + " (model unknown)");
    }

    private static String readMemory() {
        return readLines("/proc/meminfo").stream().filter(s -> s.startsWith("MemTotal:")).findFirst().map(s -> {
            long kb = Long.parseLong(s.replaceAll("[^0-9]", ""));
            return String.format(java.util.Locale.ROOT, "%.1f GiB RAM", kb / (1024.0 * 1024.0));
        }).orElse("unknown") + ", JVM max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB (bench JVM)";
    }

    private static Optional<String> distribution() {
        return readLines("/etc/os-release").stream().filter(s -> s.startsWith("PRETTY_NAME=")).findFirst()
                .map(s -> s.substring("PRETTY_NAME=".length()).replace("\"", ""));
    }

    private static List<String> readLines(String file) {
        try {
            Path p = Path.of(file);
            return Files.isReadable(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
