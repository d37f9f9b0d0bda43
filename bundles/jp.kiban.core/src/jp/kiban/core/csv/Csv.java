package jp.kiban.core.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 reader and writer, strict enough to report every malformed line with its
 * line number instead of guessing:
 * <ul>
 * <li>fields are separated by commas; records end with CR LF, LF or CR; the last one may end
 * without a line break;</li>
 * <li>a field enclosed in double quotes may hold commas, line breaks (read as LF) and doubled
 * double quotes;</li>
 * <li>a double quote inside an unquoted field, text after a closing quote, and a quote that is never
 * closed are errors ({@link Problem}); the reader then goes on with the next line (except for an
 * unclosed quote, which runs to the end of the text);</li>
 * <li>empty lines are skipped; fields are not trimmed.</li>
 * </ul>
 */
public final class Csv {

    /** A record and the line it starts on (1-based). */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    /** A syntax error: the line the record starts on and the message key ({@code csv.*}). */
    public record Problem(int line, String code) {
    }

    /** Everything read: the well-formed records and the problems, both in line order. */
    public record Parsed(List<Row> rows, List<Problem> problems) {
    }

    /** Thrown by {@link #decodeUtf8} for bytes that are not UTF-8. */
    public static final class NotUtf8Exception extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        NotUtf8Exception(int line) {
            super("not UTF-8 at line " + line);
            this.line = line;
        }

        /** The line (1-based) with the first invalid byte. */
        public int line() {
            return line;
        }
    }

    private Csv() {
    }

    /** Strict UTF-8 decoding; a leading byte order mark is removed. */
    public static String decodeUtf8(byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8Exception(line);
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Reads all records of the text (a leading BOM is skipped). */
    public static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int n = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < n) {
            char first = text.charAt(i);
            if (first == '\n' || first == '\r') { // an empty line
                i = endOfLine(text, i);
                line++;
                continue;
            }
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            String error = null;
            while (true) {
                StringBuilder field = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\r' || c == '\n') {
                            field.append('\n');
                            i = endOfLine(text, i);
                            line++;
                            continue;
                        }
                        field.append(c);
                        i++;
                    }
                    if (!closed) {
                        problems.add(new Problem(recordLine, "csv.unterminatedQuote"));
                        return new Parsed(rows, problems);
                    }
                    if (i < n && text.charAt(i) != ',' && !isLineBreak(text.charAt(i))) {
                        error = "csv.textAfterQuote";
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && !isLineBreak(text.charAt(i))) {
                        if (text.charAt(i) == '"') {
                            error = "csv.quoteInField";
                            break;
                        }
                        field.append(text.charAt(i));
                        i++;
                    }
                }
                if (error != null) {
                    while (i < n && !isLineBreak(text.charAt(i))) {
                        i++;
                    }
                    break;
                }
                fields.add(field.toString());
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                break;
            }
            if (i < n) { // at a line break
                i = endOfLine(text, i);
                line++;
            }
            if (error != null) {
                problems.add(new Problem(recordLine, error));
            } else {
                rows.add(new Row(recordLine, fields));
            }
        }
        return new Parsed(rows, problems);
    }

    /** One record: the fields joined by commas, quoted where needed, without a line break. */
    public static String format(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(k)));
        }
        return sb.toString();
    }

    /** The field as written: enclosed in double quotes if it holds a comma, quote, line break or outer blank. */
    public static String quote(String field) {
        String f = field == null ? "" : field;
        boolean needs = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                || (!f.isEmpty() && (Character.isWhitespace(f.charAt(0)) || Character.isWhitespace(f.charAt(f.length() - 1))
                        || f.charAt(0) == '\u3000' || f.charAt(f.length() - 1) == '\u3000'));
        return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Index after the line break at i (CR LF, LF or CR). */
    private static int endOfLine(String text, int i) {
        return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
    }
}
