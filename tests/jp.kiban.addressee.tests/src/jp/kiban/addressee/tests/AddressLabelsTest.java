package jp.kiban.addressee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import jp.kiban.addressee.AddressLabel;
import jp.kiban.addressee.AddressLabel.Source;
import jp.kiban.addressee.AddressLabels;
import jp.kiban.addressee.AddresseeDirectory;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.BusinessCode;
import jp.kiban.addressee.LabelRun;
import jp.kiban.addressee.LabelRun.Reason;
import jp.kiban.addressee.MailingAddressData;
import jp.kiban.addressee.MailingAddresses;
import jp.kiban.addressee.NameAndAddress;
import jp.kiban.addressee.NonResident;
import jp.kiban.addressee.NonResidentData;
import jp.kiban.addressee.NonResidents;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;

/**
 * Label data with stand-ins for the resident base's directory, registered as OSGi services from
 * the test, next to the addressee base's own directory for 住登外者.
 */
class AddressLabelsTest {

    /** A directory that knows a fixed set of people. */
    static final class TestDirectory implements AddresseeDirectory {
        final Map<AddresseeNumber, NameAndAddress> people = new HashMap<>();

        @Override
        public Optional<NameAndAddress> lookup(AddresseeNumber number, LocalDate date) {
            return Optional.ofNullable(people.get(number));
        }
    }

    static final BusinessCode TAX = BusinessCode.of("tax.resident");
    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    final AddresseeNumbers numbers = Fixtures.service(AddresseeNumbers.class);
    final MailingAddresses mailing = Fixtures.service(MailingAddresses.class);
    final AddressLabels labels = Fixtures.service(AddressLabels.class);
    final TestDirectory residents = new TestDirectory();
    final TestDirectory lowRanked = new TestDirectory();
    ServiceRegistration<AddresseeDirectory> residentsRegistration;
    ServiceRegistration<AddresseeDirectory> lowRankedRegistration;

    @BeforeEach
    void registerDirectories() {
        Hashtable<String, Object> high = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 10));
        residentsRegistration = Fixtures.context().registerService(AddresseeDirectory.class, residents, high);
        Hashtable<String, Object> low = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, -5));
        lowRankedRegistration = Fixtures.context().registerService(AddresseeDirectory.class, lowRanked, low);
    }

    @AfterEach
    void unregisterDirectories() {
        residentsRegistration.unregister();
        lowRankedRegistration.unregister();
    }

    AddresseeNumber resident(TestDirectory in, String name, String furigana, String postal, Address address) {
        AddresseeNumber n = numbers.assign(AddresseeKind.RESIDENT);
        in.people.put(n, address == null ? new NameAndAddress(n, name, furigana, Optional.empty(), Optional.empty())
                : new NameAndAddress(n, name, furigana, Optional.of(PostalCode.of(postal)), address));
        return n;
    }

    static Address hakuba(String town, String lot) {
        return Address.of(Prefecture.NAGANO, "北安曇郡白馬村", town, lot);
    }

    @Test
    void sortedByPostalCodeThenFuriganaWithTheMailingAddressWinningAndNobodyDropped() {
        AddresseeNumber ueda = resident(residents, "上田　次郎", "ウエダ　ジロウ", "3999302",
                hakuba("大字北城", "1234番地5").withBuilding("白馬荘101"));
        AddresseeNumber ito = resident(residents, "伊藤　花", "イトウ　ハナ", "3999301", hakuba("大字神城", "1"));
        AddresseeNumber abe = resident(residents, "阿部　太郎", "アベ　タロウ", "3999302", hakuba("大字北城", "2"));
        lowRanked.people.put(abe, new NameAndAddress(abe, "別人", "ベツジン", Optional.empty(), hakuba("大字北城", "9")));
        AddresseeNumber noAddress = resident(residents, "居所　不明", "キョショ　フメイ", null, null);
        AddresseeNumber unknown = numbers.assign(AddresseeKind.RESIDENT); // no directory knows this one
        AddresseeNumber onlyLow = resident(lowRanked, "低位　一", "テイイ　ハジメ", "3999303", hakuba("大字神城", "3"));
        AddresseeNumber careOf = resident(residents, "送付　先子", "ソウフ　サキコ", null, null);
        NonResident abroad = Fixtures.service(NonResidents.class).register(Fixtures.CLERK,
                NonResidentData.of(KanjiName.of("海外", "居住"), Furigana.of("カイガイ　キョジュウ"), RecordedDate.unknown())
                        .withAddressAbroad("1 Queen St\nAuckland 1010\nNew Zealand"));

        // 伊藤's tax post goes to Tokyo (a 送付先 from April); 送付's to her agent although no address is registered
        mailing.set(Fixtures.CLERK, MailingAddressData.of(ito, TAX, PostalCode.of("1000013"),
                Address.of(Prefecture.TOKYO, "千代田区", "霞が関二丁目", "1-2"), LocalDate.of(2026, 4, 1)));
        mailing.set(Fixtures.CLERK, MailingAddressData.of(careOf, TAX, PostalCode.of("3999301"),
                hakuba("大字北城", "77"), LocalDate.of(2026, 4, 1)).withRecipient("代理人　白馬　一郎　様方"));
        // another business's 送付先 does not count
        mailing.set(Fixtures.CLERK, MailingAddressData.of(ueda, BusinessCode.of("nhi"), PostalCode.of("1000013"),
                Address.of(Prefecture.TOKYO, "千代田区", "霞が関二丁目", "9"), LocalDate.of(2026, 4, 1)));

        LabelRun run = labels.labels(List.of(ueda, unknown, ito, abe, noAddress, abroad.number(), onlyLow, careOf, ito),
                TAX, DAY);

        assertEquals(List.of(ito, careOf, abe, ueda, onlyLow, abroad.number()),
                run.labels().stream().map(AddressLabel::number).toList(), "postal code, then address (2 before 1234), then furigana, no postal code last");
        assertEquals(List.of(new LabelRun.Missing(unknown, Reason.UNKNOWN_PERSON),
                new LabelRun.Missing(noAddress, Reason.NO_ADDRESS)), run.missing());

        AddressLabel toIto = run.labels().get(0);
        assertEquals(Source.MAILING_ADDRESS, toIto.source());
        assertEquals(Optional.of(PostalCode.of("1000013")), toIto.postalCode());
        assertEquals(List.of("東京都千代田区霞が関二丁目1-2"), toIto.addressLines());
        assertEquals("伊藤　花　様", toIto.name());
        assertEquals(Optional.empty(), toIto.recipient());

        AddressLabel toCareOf = run.labels().get(1);
        assertEquals(Source.MAILING_ADDRESS, toCareOf.source());
        assertEquals(Optional.of("代理人　白馬　一郎　様方"), toCareOf.recipient());
        assertEquals("送付　先子　様", toCareOf.name());

        AddressLabel toAbe = run.labels().get(2);
        assertEquals(Source.REGISTERED_ADDRESS, toAbe.source());
        assertEquals("阿部　太郎　様", toAbe.name(), "the higher-ranked directory answers first");

        AddressLabel toUeda = run.labels().get(3);
        assertEquals(Source.REGISTERED_ADDRESS, toUeda.source(), "the nhi 送付先 is not for tax");
        assertEquals(List.of("長野県北安曇郡白馬村", "大字北城1234番地5", "白馬荘101"), toUeda.addressLines(),
                "21 characters: split after the 市区町村, then the 方書");

        assertEquals("低位　一　様", run.labels().get(4).name(), "a lower-ranked directory is asked too");
        assertEquals(List.of("長野県北安曇郡白馬村大字神城3"), run.labels().get(4).addressLines());

        AddressLabel toAbroad = run.labels().get(5);
        assertEquals(Optional.empty(), toAbroad.postalCode());
        assertEquals(List.of("1 Queen St", "Auckland 1010", "New Zealand"), toAbroad.addressLines());
        assertEquals("海外　居住　様", toAbroad.name());
        assertEquals(Source.REGISTERED_ADDRESS, toAbroad.source());
    }

    @Test
    void aMailingAddressOnlyCountsWithinItsPeriod() {
        AddresseeNumber ito = resident(residents, "伊藤　花", "イトウ　ハナ", "3999301", hakuba("大字神城", "1"));
        mailing.set(Fixtures.CLERK, MailingAddressData.of(ito, TAX, PostalCode.of("1000013"),
                Address.of(Prefecture.TOKYO, "千代田区", "霞が関二丁目", "1-2"), LocalDate.of(2026, 4, 1))
                .until(LocalDate.of(2026, 4, 30)));
        assertEquals(Source.REGISTERED_ADDRESS, labels.labels(List.of(ito), TAX, LocalDate.of(2026, 3, 31)).labels().get(0).source());
        assertEquals(Source.MAILING_ADDRESS, labels.labels(List.of(ito), TAX, LocalDate.of(2026, 4, 30)).labels().get(0).source());
        AddressLabel may = labels.labels(List.of(ito), TAX, LocalDate.of(2026, 5, 1)).labels().get(0);
        assertEquals(Source.REGISTERED_ADDRESS, may.source());
        assertEquals(Optional.of(PostalCode.of("3999301")), may.postalCode());
    }

    @Test
    void aDirectoryThatGoesAwayIsNoLongerAsked() {
        AddresseeNumber ito = resident(residents, "伊藤　花", "イトウ　ハナ", "3999301", hakuba("大字神城", "1"));
        assertEquals(1, labels.labels(List.of(ito), TAX, DAY).labels().size());
        residentsRegistration.unregister();
        residentsRegistration = Fixtures.context().registerService(AddresseeDirectory.class, new TestDirectory(), null);
        assertEquals(List.of(new LabelRun.Missing(ito, Reason.UNKNOWN_PERSON)), labels.labels(List.of(ito), TAX, DAY).missing());
    }

    @Test
    void anEmptyListGivesAnEmptyRun() {
        LabelRun run = labels.labels(List.of(), TAX, DAY);
        assertEquals(List.of(), run.labels());
        assertEquals(List.of(), run.missing());
    }
}
