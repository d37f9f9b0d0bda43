package jp.kiban.platform.impl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs in English whatever the UI language: one line per record, ISO time, level, logger, message.
 * Console at {@code log.console} (default INFO; the CLI sets WARNING), and a rotating file
 * {@code <data>/logs/kiban-N.log} at INFO for the administrator.
 */
final class LogSetup {
    private static boolean done;

    private LogSetup() {
    }

    static synchronized void configure(Path logDirectory, String consoleLevel) {
        if (done) {
            return;
        }
        done = true;
        Logger root = Logger.getLogger("");
        Formatter formatter = new EnglishLineFormatter();
        Level console = parse(consoleLevel);
        boolean hasConsole = false;
        for (Handler h : root.getHandlers()) {
            h.setFormatter(formatter);
            if (h instanceof ConsoleHandler) {
                h.setLevel(console);
                hasConsole = true;
            }
        }
        if (!hasConsole) {
            ConsoleHandler c = new ConsoleHandler();
            c.setLevel(console);
            c.setFormatter(formatter);
            root.addHandler(c);
        }
        try {
            FileHandler file = new FileHandler(logDirectory.resolve("kiban-%g.log").toString(), 5_000_000, 5, true);
            file.setEncoding("UTF-8");
            file.setLevel(Level.INFO);
            file.setFormatter(formatter);
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            root.log(Level.WARNING, "No log file in " + logDirectory + ": " + e);
        }
        root.setLevel(Level.INFO);
    }

    private static Level parse(String level) {
        try {
            return Level.parse(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    static final class EnglishLineFormatter extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
                .withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            String message = r.getMessage() == null ? "" : r.getMessage();
            Object[] params = r.getParameters();
            if (params != null && params.length > 0 && message.contains("{0")) {
                message = new MessageFormat(message, Locale.ROOT).format(params);
            }
            StringBuilder sb = new StringBuilder();
            sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ').append(r.getLevel().getName())
                    .append(' ').append(r.getLoggerName()).append(": ").append(message).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(w);
            }
            return sb.toString();
        }
    }
}
