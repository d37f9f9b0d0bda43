package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kiban.addressee.AddresseeException;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.BusinessCode;
import jp.kiban.addressee.MailingAddress;
import jp.kiban.addressee.MailingAddressData;
import jp.kiban.addressee.MailingAddresses;
import jp.kiban.addressee.PostalAddress;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;

/** 送付先: one per number, business and day; overlapping periods give way; validity dates inclusive. */
class MailingAddressesTest {

    static final BusinessCode TAX = BusinessCode.of("tax.resident");
    static final BusinessCode NHI = BusinessCode.of("nhi");
    static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    static final LocalDate MAY_31 = LocalDate.of(2026, 5, 31);
    static final LocalDate JUN_1 = LocalDate.of(2026, 6, 1);

    final MailingAddresses mailing = Fixtures.service(MailingAddresses.class);
    final AddresseeNumber number = Fixtures.service(AddresseeNumbers.class).assign(AddresseeKind.RESIDENT);

    MailingAddressData at(String lot, LocalDate from) {
        return MailingAddressData.of(number, TAX, PostalCode.of("3999301"), Fixtures.address("大字北城", lot), from);
    }

    String lotOn(BusinessCode business, LocalDate day) {
        return mailing.effective(number, business, day)
                .map(m -> ((PostalAddress.Domestic) m.data().address()).address().lotNumber()).orElse("none");
    }

    List<String> periods() {
        return mailing.list(number).stream().map(m -> m.data().business() + " " + m.data().validFrom() + ".."
                + m.data().validTo().map(LocalDate::toString).orElse("") + " "
                + ((PostalAddress.Domestic) m.data().address()).address().lotNumber()).toList();
    }

    @Test
    void effectiveWithinItsPeriodBothEndsIncluded() {
        MailingAddress m = mailing.set(Fixtures.CLERK, at("1", APR_1).until(MAY_31).withRecipient("山田　花子　様方"));
        assertEquals("tanaka", m.updatedBy());
        assertEquals("none", lotOn(TAX, APR_1.minusDays(1)));
        assertEquals("1", lotOn(TAX, APR_1));
        assertEquals("1", lotOn(TAX, MAY_31));
        assertEquals("none", lotOn(TAX, JUN_1));
        assertEquals("none", lotOn(NHI, MAY_1), "another business has its own");
        MailingAddressData stored = mailing.effective(number, TAX, MAY_1).orElseThrow().data();
        assertEquals(Optional.of("山田　花子　様方"), stored.recipient());
        assertEquals(Optional.of(PostalCode.of("3999301")), stored.postalCode());
        assertEquals(m.data(), stored);
    }

    @Test
    void aTemporaryOneInsideAnOpenEndedOneSplitsIt() {
        mailing.set(Fixtures.CLERK, at("1", APR_1));
        mailing.set(Fixtures.CLERK, at("2", MAY_1).until(MAY_31));
        assertEquals(List.of("tax.resident 2026-04-01..2026-04-30 1", "tax.resident 2026-05-01..2026-05-31 2",
                "tax.resident 2026-06-01.. 1"), periods());
        assertEquals("1", lotOn(TAX, LocalDate.of(2026, 4, 30)));
        assertEquals("2", lotOn(TAX, MAY_1));
        assertEquals("1", lotOn(TAX, JUN_1));
    }

    @Test
    void aNewOpenEndedOneEndsTheOldOneAndReplacesLaterOnes() {
        mailing.set(Fixtures.CLERK, at("1", APR_1));
        mailing.set(Fixtures.CLERK, at("2", JUN_1).until(LocalDate.of(2026, 6, 30)));
        mailing.set(Fixtures.CLERK, at("3", MAY_1));
        assertEquals(List.of("tax.resident 2026-04-01..2026-04-30 1", "tax.resident 2026-05-01.. 3"), periods());
        // the same start date replaces the row entirely
        mailing.set(Fixtures.CLERK, at("4", MAY_1));
        assertEquals(List.of("tax.resident 2026-04-01..2026-04-30 1", "tax.resident 2026-05-01.. 4"), periods());
    }

    @Test
    void businessesAreKeptApartAndListedInOrder() {
        mailing.set(Fixtures.CLERK, at("1", MAY_1));
        mailing.set(Fixtures.CLERK, new MailingAddressData(number, NHI, Optional.empty(), Optional.empty(),
                PostalAddress.abroad("221B Baker Street\nLondon"), APR_1, Optional.empty()));
        List<MailingAddress> list = mailing.list(number);
        assertEquals(List.of(NHI, TAX), list.stream().map(m -> m.data().business()).toList());
        assertEquals("221B Baker Street London", mailing.effective(number, NHI, MAY_1).orElseThrow().data().address().format());
        assertEquals("1", lotOn(TAX, MAY_1));
    }

    @Test
    void endingKeepsItUpToAndIncludingTheLastDay() {
        mailing.set(Fixtures.CLERK, at("1", APR_1));
        MailingAddress ended = mailing.end(Fixtures.ADMIN, number, TAX, MAY_31);
        assertEquals(Optional.of(MAY_31), ended.data().validTo());
        assertEquals("admin", ended.updatedBy());
        assertEquals("1", lotOn(TAX, MAY_31));
        assertEquals("none", lotOn(TAX, JUN_1));
        AddresseeException e = assertThrows(AddresseeException.class, () -> mailing.end(Fixtures.CLERK, number, TAX, JUN_1));
        assertEquals("mailing.noneInEffect", e.code());
        assertEquals("指定日に有効なこの業務の送付先はありません。", e.getMessage(Locale.JAPANESE));
    }

    @Test
    void refusals() {
        AddresseeException unknown = assertThrows(AddresseeException.class, () -> mailing.set(Fixtures.CLERK,
                MailingAddressData.of(AddresseeNumber.fromSerial(9_999_999_997L), TAX, PostalCode.of("3999301"),
                        Fixtures.address("大字北城", "1"), APR_1)));
        assertEquals("mailing.unknownNumber", unknown.code());

        assertEquals("period.endBeforeStart",
                assertThrows(AddresseeException.class, () -> at("1", MAY_1).until(APR_1)).code());
        assertEquals("mailing.postalCodeRequired", assertThrows(AddresseeException.class,
                () -> new MailingAddressData(number, TAX, Optional.empty(), Optional.empty(),
                        PostalAddress.of(Fixtures.address("大字北城", "1")), APR_1, Optional.empty())).code());
        assertEquals("address.postalCodeWithoutAddress", assertThrows(AddresseeException.class,
                () -> new MailingAddressData(number, TAX, Optional.empty(), Optional.of(PostalCode.of("3999301")),
                        PostalAddress.abroad("Paris"), APR_1, Optional.empty())).code());
        assertEquals("text.tooLong", assertThrows(AddresseeException.class,
                () -> at("1", APR_1).withRecipient("様".repeat(61))).code());
        assertEquals(List.of(), mailing.list(number), "nothing was stored");
    }

    @Test
    void businessCodes() {
        for (String ok : List.of("tax.resident", "nhi", "child-allowance", "tax.fixed-asset2")) {
            assertEquals(ok, BusinessCode.of(ok).value());
        }
        for (String bad : List.of("Tax", "tax..resident", "1nhi", "nhi.", "-nhi", "tax resident", "税", "a".repeat(41))) {
            AddresseeException e = assertThrows(AddresseeException.class, () -> BusinessCode.of(bad), bad);
            assertEquals("business.form", e.code());
        }
        assertEquals("input.blank", assertThrows(AddresseeException.class, () -> BusinessCode.of(" ")).code());
        assertEquals("業務コードが入力されていません。",
                assertThrows(AddresseeException.class, () -> BusinessCode.of("")).getMessage(Locale.JAPANESE));
        assertEquals("The business code is empty.", assertThrows(AddresseeException.class, () -> BusinessCode.of(null)).getMessage());
    }
}
