package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import jp.kiban.addressee.AddresseeException;
import jp.kiban.core.DomainException.Label;

/** Every addressee message exists in English and Japanese; labels are localised; English is the base. */
class MessagesTest {

    static Properties load(String name) throws Exception {
        Bundle api = Arrays.stream(Fixtures.context().getBundles())
                .filter(b -> b.getSymbolicName().equals("jp.kiban.addressee")).findFirst().orElseThrow();
        URL url = api.getEntry("jp/kiban/addressee/" + name);
        assertNotNull(url, name + " is missing from the API bundle");
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws Exception {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");
        assertFalse(en.isEmpty());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()));
    }

    @Test
    void labelsAreLocalisedAndEnglishIsTheDefault() {
        AddresseeException e = new AddresseeException("text.tooLong", new Label("recipient"), 60, 61);
        assertEquals("The recipient line may have at most 60 characters, but has 61.", e.getMessage());
        assertEquals("送付先宛名は60文字以内で入力してください（入力は61文字です）。", e.getMessage(Locale.JAPANESE));
        assertEquals(e.getMessage(), e.getMessage(Locale.FRENCH), "a language without a file gets English");
        assertEquals("text.tooLong", e.code());
    }
}
