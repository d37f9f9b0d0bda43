package jp.kiban.characters.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Japanese readings and stroke counts from Unihan (Unicode 15.0: kJapaneseOn, kJapaneseKun,
 * kTotalStrokes), shipped as {@code data/unihan-ja.txt.gz} (built by {@code data/make-readings.py}
 * from Debian's unicode-data; Unicode License, {@code data/UNICODE-LICENSE.txt}).
 * Readings are indexed by a search key: katakana, with ヅ/ヂ folded to ズ/ジ.
 */
final class Readings {

    /** What Unihan says of one base character. */
    record Entry(int codePoint, List<String> on, List<String> kun, int strokes) {
    }

    static final String RESOURCE = "/data/unihan-ja.txt.gz";

    private final Map<Integer, Entry> byCodePoint = new HashMap<>();
    private final NavigableMap<String, List<Integer>> byReading = new TreeMap<>();

    private Readings() {
    }

    static Readings load() {
        Readings r = new Readings();
        try (InputStream in = Readings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", -1);
                Entry e = new Entry(Integer.parseInt(f[0], 16), words(f[1]), words(f[2]), Integer.parseInt(f[3]));
                r.byCodePoint.put(e.codePoint(), e);
                for (String reading : e.on()) {
                    r.index(reading, e.codePoint());
                }
                for (String reading : e.kun()) {
                    r.index(reading, e.codePoint());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    private void index(String reading, int cp) {
        List<Integer> list = byReading.computeIfAbsent(key(reading), k -> new ArrayList<>(2));
        if (!list.contains(cp)) {
            list.add(cp);
        }
    }

    Entry entry(int cp) {
        return byCodePoint.get(cp);
    }

    int size() {
        return byCodePoint.size();
    }

    /** Characters with exactly this reading. */
    List<Integer> exact(String key) {
        return byReading.getOrDefault(key, List.of());
    }

    /** Characters with a reading that starts with the key but is longer. */
    List<Integer> prefixed(String key) {
        List<Integer> result = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byReading.subMap(key, false, key + Character.MAX_VALUE, false).entrySet()) {
            for (int cp : e.getValue()) {
                if (!result.contains(cp)) {
                    result.add(cp);
                }
            }
        }
        return result;
    }

    /**
     * The search key of kana text: katakana, ヅ→ズ, ヂ→ジ, without spaces, "・", "-" and "ー"-free
     * long marks kept; null if the text holds anything but kana.
     */
    static String key(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'ぁ' && c <= 'ゖ') {
                c = (char) (c + 0x60);
            }
            if (c == 'ヅ') {
                c = 'ズ';
            } else if (c == 'ヂ') {
                c = 'ジ';
            }
            if ((c >= 'ァ' && c <= 'ヶ') || c == 'ー') {
                b.append(c);
            } else if (c == ' ' || c == '\u3000' || c == '・' || c == '-') {
                continue;
            } else {
                return null;
            }
        }
        return b.toString();
    }

    private static List<String> words(String field) {
        return field.isBlank() ? List.of() : List.of(field.strip().split(" "));
    }
}
