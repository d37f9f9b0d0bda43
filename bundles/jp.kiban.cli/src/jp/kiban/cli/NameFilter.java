package jp.kiban.cli;

import java.util.Optional;
import java.util.function.UnaryOperator;

import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.characters.GaijiApplied;
import jp.kiban.characters.GaijiTable;
import jp.kiban.core.name.NameCharacterPolicy;

/**
 * What an import does to every name before it is parsed: replaces 外字 by the 外字 table, refuses a
 * private use character with no entry (naming its code points), and refuses a character outside the
 * repertoire; counts the replacements. Messages are English (CLI).
 */
final class NameFilter implements UnaryOperator<String> {

    private final GaijiTable gaiji;
    private final CharacterRepertoire repertoire;
    private int replaced;

    NameFilter(GaijiTable gaiji, CharacterRepertoire repertoire) {
        this.gaiji = gaiji;
        this.repertoire = repertoire;
    }

    @Override
    public String apply(String value) {
        GaijiApplied applied = gaiji.apply(value);
        if (!applied.unmapped().isEmpty()) {
            throw new IllegalArgumentException("unmapped 外字 " + applied.unmappedCodes()
                    + " (no entry in the 外字 table: add it with 'kiban cli gaiji import')");
        }
        replaced += applied.replaced();
        Optional<NameCharacterPolicy.Refused> refused = repertoire.firstRefused(applied.text());
        if (refused.isPresent()) {
            NameCharacterPolicy.Refused r = refused.get();
            throw new IllegalArgumentException("'" + r.character() + "' (" + NameCharacterPolicy.codes(r.character())
                    + ") at position " + r.position() + " is not in the character repertoire (文字情報基盤, IPAmj明朝)");
        }
        return applied.text();
    }

    int replaced() {
        return replaced;
    }
}
