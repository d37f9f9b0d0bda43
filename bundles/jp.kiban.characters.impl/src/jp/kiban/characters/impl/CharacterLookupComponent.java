package jp.kiban.characters.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.characters.CharacterCandidate;
import jp.kiban.characters.CharacterLookup;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.core.CounterInput;
import jp.kiban.core.name.NameCharacters;

/** The 文字コード照会 over the repertoire and the Unihan readings (see {@link CharacterLookup}). */
@Component(service = CharacterLookup.class)
public class CharacterLookupComponent implements CharacterLookup {

    /** U+845B, 845B, U+845B U+E0102, 845B_E0102, 845B E0102 (after half-width conversion). */
    private static final Pattern CODE = Pattern.compile(
            "(?i)(?:U\\+)?([0-9A-F]{4,6})(?:[\\s_,]+(?:U\\+)?([0-9A-F]{4,6}))?");

    @Reference
    private CharacterRepertoire repertoire;

    private volatile Readings readings;

    /** For DS. */
    public CharacterLookupComponent() {
    }

    /** Outside DS (tests, tools). */
    public static CharacterLookupComponent create(CharacterRepertoire repertoire) {
        CharacterLookupComponent c = new CharacterLookupComponent();
        c.repertoire = repertoire;
        return c;
    }

    private Readings readings() {
        Readings r = readings;
        if (r == null) {
            synchronized (this) {
                if (readings == null) {
                    readings = Readings.load();
                }
                r = readings;
            }
        }
        return r;
    }

    @Override
    public List<CharacterCandidate> search(String query, int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_RESULTS + ": " + limit);
        }
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher code = CODE.matcher(CounterInput.toHalfWidth(text).strip());
        String key = Readings.key(text);
        if (code.matches()) {
            int base = Integer.parseInt(code.group(1), 16);
            if (code.group(2) != null) {
                String asked = Character.toString(base) + Character.toString(Integer.parseInt(code.group(2), 16));
                if (Character.isValidCodePoint(base) && repertoire.covers(asked)) {
                    found.add(asked);
                }
            }
            if (Character.isValidCodePoint(base)) {
                found.addAll(repertoire.variants(base));
            }
        } else if (key != null && !key.isEmpty()) {
            List<Integer> bases = new ArrayList<>(readings().exact(key));
            bases.sort(byStrokes());
            List<Integer> longer = readings().prefixed(key);
            longer.removeAll(bases);
            longer.sort(byStrokes());
            bases.addAll(longer);
            for (int base : bases) {
                if (found.size() >= limit) {
                    break;
                }
                found.addAll(repertoire.variants(base));
            }
        } else {
            for (String ch : NameCharacters.split(text)) {
                if (repertoire.covers(ch)) {
                    found.add(ch);
                }
                found.addAll(repertoire.variants(ch.codePointAt(0)));
            }
        }
        return found.stream().limit(limit).map(this::candidate).toList();
    }

    @Override
    public Optional<CharacterCandidate> describe(String nameCharacter) {
        return nameCharacter != null && repertoire.covers(nameCharacter) ? Optional.of(candidate(nameCharacter))
                : Optional.empty();
    }

    private CharacterCandidate candidate(String ch) {
        Readings.Entry e = readings().entry(ch.codePointAt(0));
        return e == null ? new CharacterCandidate(ch, List.of(), List.of(), 0)
                : new CharacterCandidate(ch, e.on(), e.kun(), e.strokes());
    }

    private Comparator<Integer> byStrokes() {
        Readings r = readings();
        return Comparator.<Integer>comparingInt(cp -> {
            Readings.Entry e = r.entry(cp);
            return e == null || e.strokes() == 0 ? Integer.MAX_VALUE : e.strokes();
        }).thenComparingInt(cp -> cp);
    }
}
