package jp.kiban.persistence.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned SQL script: {@code V<version>__<description>[.<dialect>].sql}.
 *
 * <p>The format is deliberately small so that the same file runs on Derby and PostgreSQL: statements
 * end with a semicolon at the end of a line; {@code --} starts a comment (outside string literals). No
 * procedural blocks; use a dialect-specific script where a statement cannot be shared.
 */
public record MigrationScript(String module, int version, String description, String fileName, String sql) {

    private static final Pattern NAME = Pattern.compile("V(\\d{1,6})__([A-Za-z0-9_]+)(?:\\.(derby|postgresql))?\\.sql");

    /** Parsed parts of a script file name, or null when the name is not a migration. */
    public record Name(int version, String description, String dialect) {
    }

    public static Name parseName(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return new Name(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), m.group(3));
    }

    /** SHA-256 of the script with line endings normalised, so a checkout on Windows keeps the same sum. */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(sql).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The statements, without comments and without their closing semicolons (Derby refuses those). */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : normalise(sql).split("\n")) {
            String line = withoutTrailingComment(raw);
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** The line without a {@code --} comment that starts outside a string literal. */
    static String withoutTrailingComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                inString = !inString; // a doubled '' toggles twice: still right
            } else if (!inString && c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String normalise(String s) {
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }
}
