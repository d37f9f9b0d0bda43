package jp.kiban.resident.ui.internal;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import jp.kiban.characters.CharacterLookup;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.core.DomainException;
import jp.kiban.core.DomainException.Label;

/**
 * Name fields of the counter forms: each gets a 字 button for the 文字コード照会 and is checked
 * against the character repertoire while typing, so a character the font of record lacks is shown
 * (with its code) next to the field before the clerk registers. Without the character services
 * (not installed) the fields are plain and only the register's own check applies.
 */
final class CharacterInput {

    private final CharacterLookup lookup;
    private final CharacterRepertoire repertoire;

    CharacterInput(CharacterLookup lookup, CharacterRepertoire repertoire) {
        this.lookup = lookup;
        this.repertoire = repertoire;
    }

    /**
     * A name field in the form: key {@code form.<key>}, the button {@code form.<key>.lookup}.
     *
     * @param labelKey the core's label of the part ({@code familyName}, {@code givenName}) for messages
     */
    Text nameField(Form form, String key, String label, int widthChars, String labelKey) {
        if (lookup == null || repertoire == null) {
            return form.text(key, label, widthChars);
        }
        Text t = form.text(key, label, widthChars, Messages.get("lookup.button"), "lookup", this::open);
        t.getParent().getChildren()[1].setToolTipText(Messages.get("lookup.tooltip"));
        t.addModifyListener(e -> {
            Optional<String> problem = problem(t.getText(), labelKey);
            if (problem.isPresent()) {
                form.error(key, problem.get());
            } else if (!form.message(key).isEmpty()) {
                form.clearError(key);
            }
        });
        return t;
    }

    /** Refuses (as {@link DomainException}) a name part with a character outside the repertoire. */
    String check(String text, String labelKey) {
        if (repertoire != null) {
            repertoire.check(text, new Label(labelKey));
        }
        return text;
    }

    /**
     * A parsed name, kept only if both parts keep to the repertoire; otherwise empty, with the
     * message (character and code) next to the part that holds the character.
     */
    Optional<jp.kiban.core.name.KanjiName> checked(Form form, String familyKey, String givenKey,
            Optional<jp.kiban.core.name.KanjiName> name) {
        if (name.isEmpty() || repertoire == null) {
            return name;
        }
        jp.kiban.core.name.KanjiName n = name.get();
        boolean family = form.parse(familyKey, f -> check(n.family(), "familyName"), true).isPresent();
        boolean given = n.given().isEmpty() || form.parse(givenKey, g -> check(n.given(), "givenName"), false).isPresent();
        return family && given ? name : Optional.empty();
    }

    private Optional<String> problem(String text, String labelKey) {
        try {
            check(text, labelKey);
            return Optional.empty();
        } catch (DomainException e) {
            return Optional.of(e.getMessage(Locale.JAPANESE));
        } catch (RuntimeException e) {
            return Optional.empty(); // e.g. the font is missing: the register says so when it is used
        }
    }

    /** Opens the 文字コード照会 for the field and inserts the chosen character at the caret. */
    void open(Text field) {
        Shell shell = field.getShell();
        String selected = field.getSelectionText();
        CharacterLookupDialog dialog = new CharacterLookupDialog(shell, lookup, repertoire,
                selected.isEmpty() ? "" : selected);
        if (dialog.open() == org.eclipse.jface.window.Window.OK && dialog.chosen() != null && !field.isDisposed()) {
            field.insert(dialog.chosen());
            field.setFocus();
        }
    }
}
