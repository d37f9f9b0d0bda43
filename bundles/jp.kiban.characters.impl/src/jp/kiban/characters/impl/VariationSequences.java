package jp.kiban.characters.impl;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The 'cmap' format 14 subtable (Unicode Variation Sequences) of a TrueType/OpenType font, read
 * straight from the font file: fontbox 3.0.5 parses the format but offers no look-up by base
 * character + variation selector. Structure (OpenType spec, cmap format 14): a list of variation
 * selector records, each with a Default UVS table (ranges of base characters whose sequence uses
 * the default glyph of the base) and a Non-Default UVS table (base character → glyph id).
 * <p>
 * The same reader as {@code jp.kiban.forms.impl.VariationSequences} (forms need glyph ids of the font
 * they embed), plus {@link #selectors(int)} to list a base's sequences.
 */
final class VariationSequences {

    /** Sentinel for "use the base character's default glyph". */
    static final int DEFAULT_GLYPH = -1;

    private final Map<Long, Integer> nonDefault = new HashMap<>();
    private final Map<Integer, int[]> defaultRanges = new HashMap<>();
    /** Selectors by base, built on first use. */
    private Map<Integer, int[]> byBase;

    private VariationSequences() {
    }

    /** An empty table (the font has no format 14 subtable). */
    static VariationSequences none() {
        return new VariationSequences();
    }

    static VariationSequences read(Path fontFile) throws IOException {
        VariationSequences result = new VariationSequences();
        try (RandomAccessFile file = new RandomAccessFile(fontFile.toFile(), "r")) {
            ByteBuffer header = read(file, 0, 12);
            int numTables = Short.toUnsignedInt(header.getShort(4));
            ByteBuffer dir = read(file, 12, numTables * 16);
            long cmapOffset = -1;
            int cmapLength = 0;
            for (int i = 0; i < numTables; i++) {
                int tag = dir.getInt(i * 16);
                if (tag == 0x636D6170) { // 'cmap'
                    cmapOffset = Integer.toUnsignedLong(dir.getInt(i * 16 + 8));
                    cmapLength = dir.getInt(i * 16 + 12);
                }
            }
            if (cmapOffset < 0) {
                return result;
            }
            ByteBuffer cmap = read(file, cmapOffset, cmapLength);
            int count = Short.toUnsignedInt(cmap.getShort(2));
            for (int i = 0; i < count; i++) {
                int platform = Short.toUnsignedInt(cmap.getShort(4 + i * 8));
                int encoding = Short.toUnsignedInt(cmap.getShort(6 + i * 8));
                int offset = cmap.getInt(8 + i * 8);
                if (platform == 0 && encoding == 5 && Short.toUnsignedInt(cmap.getShort(offset)) == 14) {
                    result.parse(cmap, offset);
                    break;
                }
            }
        }
        return result;
    }

    private void parse(ByteBuffer cmap, int base) {
        long records = Integer.toUnsignedLong(cmap.getInt(base + 6));
        for (int r = 0; r < records; r++) {
            int rec = base + 10 + r * 11;
            int selector = uint24(cmap, rec);
            int defaultOffset = cmap.getInt(rec + 3);
            int nonDefaultOffset = cmap.getInt(rec + 7);
            if (defaultOffset != 0) {
                int at = base + defaultOffset;
                int ranges = cmap.getInt(at);
                int[] flat = new int[ranges * 2];
                for (int i = 0; i < ranges; i++) {
                    flat[i * 2] = uint24(cmap, at + 4 + i * 4);
                    flat[i * 2 + 1] = Byte.toUnsignedInt(cmap.get(at + 4 + i * 4 + 3));
                }
                defaultRanges.put(selector, flat);
            }
            if (nonDefaultOffset != 0) {
                int at = base + nonDefaultOffset;
                int mappings = cmap.getInt(at);
                for (int i = 0; i < mappings; i++) {
                    int unicode = uint24(cmap, at + 4 + i * 5);
                    int glyph = Short.toUnsignedInt(cmap.getShort(at + 4 + i * 5 + 3));
                    nonDefault.put(key(unicode, selector), glyph);
                }
            }
        }
    }

    /**
     * The glyph of base + selector: a glyph id, {@link #DEFAULT_GLYPH} when the sequence uses the
     * base character's own glyph, or 0 when the font does not know the sequence.
     */
    int glyph(int baseCodePoint, int selector) {
        Integer g = nonDefault.get(key(baseCodePoint, selector));
        if (g != null) {
            return g;
        }
        int[] ranges = defaultRanges.get(selector);
        if (ranges != null) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (baseCodePoint >= ranges[i] && baseCodePoint <= ranges[i] + ranges[i + 1]) {
                    return DEFAULT_GLYPH;
                }
            }
        }
        return 0;
    }

    /** The selectors registered for a base, ascending. */
    synchronized int[] selectors(int baseCodePoint) {
        if (byBase == null) {
            Map<Integer, java.util.TreeSet<Integer>> index = new HashMap<>();
            for (long key : nonDefault.keySet()) {
                index.computeIfAbsent((int) key, k -> new java.util.TreeSet<>()).add((int) (key >>> 32));
            }
            byBase = new HashMap<>();
            index.forEach((base, set) -> byBase.put(base, set.stream().mapToInt(Integer::intValue).toArray()));
        }
        java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
        for (int s : byBase.getOrDefault(baseCodePoint, new int[0])) {
            found.add(s);
        }
        for (Map.Entry<Integer, int[]> e : defaultRanges.entrySet()) {
            if (glyph(baseCodePoint, e.getKey()) == DEFAULT_GLYPH) {
                found.add(e.getKey());
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    int size() {
        return nonDefault.size();
    }

    private static long key(int unicode, int selector) {
        return ((long) selector << 32) | unicode;
    }

    private static int uint24(ByteBuffer b, int at) {
        return (Byte.toUnsignedInt(b.get(at)) << 16) | (Byte.toUnsignedInt(b.get(at + 1)) << 8)
                | Byte.toUnsignedInt(b.get(at + 2));
    }

    private static ByteBuffer read(RandomAccessFile file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        file.seek(offset);
        file.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }
}
