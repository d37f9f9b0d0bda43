package jp.kiban.sync.ui.tests;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.framework.FrameworkUtil;

import jakarta.persistence.EntityManagerFactory;
import jp.kiban.addressee.impl.AddresseeNumbersComponent;
import jp.kiban.addressee.impl.AddresseeSchema;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.persistence.impl.BundleScripts;
import jp.kiban.persistence.impl.Databases;
import jp.kiban.persistence.impl.EntityManagerTransactions;
import jp.kiban.persistence.impl.JpaUnit;
import jp.kiban.persistence.impl.SqlMigrator;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.ChangeRequest.NewMember;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.Sex;
import jp.kiban.resident.impl.ResidentSchema;
import jp.kiban.resident.impl.ResidentServiceComponent;
import jp.kiban.sync.NumberLeaseKinds;
import jp.kiban.sync.NumberLeases;
import jp.kiban.sync.impl.InboxStore;
import jp.kiban.sync.impl.NumberLeaseComponent;
import jp.kiban.sync.impl.NumberLeaseStore;
import jp.kiban.sync.impl.OutboxComponent;
import jp.kiban.sync.impl.SyncClient;
import jp.kiban.sync.impl.SyncSchema;
import jp.kiban.sync.protocol.SyncProtocol.TerminalCredential;

/**
 * Another counter terminal of the same town (its own Derby, the real resident register, numbers leased from the
 * central store): it registers households and pushes them, so that the central store holds data the desk under
 * test has never seen.
 */
final class OtherTerminal implements AutoCloseable {
    static final Operator SUPERVISOR = new Operator("sato", "佐藤 花子", "other-terminal", Set.of(Role.SUPERVISOR));

    private final Databases.CloseableDatabase db;
    private final EntityManagerFactory emf;
    private final ResidentServiceComponent register;
    private final NumberLeaseStore leaseStore;
    private final SyncClient client;
    /** The people of the first household registered (head, wife). */
    List<AddresseeNumber> first = List.of();

    OtherTerminal(UiCentral central, String api) throws Exception {
        TerminalCredential credential = central.store.registerTerminal(UiCentral.TOWN, "デモ町 窓口2");
        db = Databases.derby("memory:other-" + UUID.randomUUID().toString().replace("-", ""));
        SyncSchema sync = new SyncSchema();
        AddresseeSchema addressee = new AddresseeSchema();
        ResidentSchema resident = new ResidentSchema();
        new SqlMigrator(db, () -> BundleScripts.load(FrameworkUtil.getBundle(SyncSchema.class), sync, db.dialect())).migrate();
        new SqlMigrator(db, () -> BundleScripts.load(FrameworkUtil.getBundle(AddresseeSchema.class), addressee, db.dialect()))
                .migrate();
        new SqlMigrator(db, () -> BundleScripts.load(FrameworkUtil.getBundle(ResidentSchema.class), resident, db.dialect()))
                .migrate();
        List<Class<?>> entities = new ArrayList<>(sync.entityClasses());
        entities.addAll(addressee.entityClasses());
        entities.addAll(resident.entityClasses());
        emf = JpaUnit.create(db, entities);
        EntityManagerTransactions tx = new EntityManagerTransactions(() -> emf);
        OutboxComponent outbox = OutboxComponent.create(tx, () -> Optional.of(UiCentral.TOWN));
        leaseStore = new NumberLeaseStore(tx);
        NumberLeaseComponent leases = NumberLeaseComponent.create(tx, () -> true);
        register = ResidentServiceComponent.create(tx, AddresseeNumbersComponent.create(tx, leases), outbox);
        client = new SyncClient(URI.create(api), credential.token(), outbox, new InboxStore(tx), Duration.ofSeconds(20));
    }

    /** Registers {@code households} 転入 of two people each (family names 移行一 …) and pushes them all. */
    void registerAndPush(int households) throws Exception {
        client.topUp(leaseStore, List.of(new NumberLeaseKinds.Kind(NumberLeases.ADDRESSEE, AddresseeNumber.MAX_SERIAL, 1),
                new NumberLeaseKinds.Kind(NumberLeases.HOUSEHOLD, HouseholdNumber.MAX_SERIAL, 1)), households * 3L, 1000);
        for (int i = 0; i < households; i++) {
            var r = register.apply(SUPERVISOR, moveIn(family(i), "太郎", "花子", i));
            if (i == 0) {
                first = r.persons();
            }
        }
        client.push(500, Integer.MAX_VALUE);
    }

    /** 誤記修正 of a person's given name here, pushed at once. */
    void renameAndPush(AddresseeNumber n, String given) throws Exception {
        register.apply(SUPERVISOR, correction(register.current(SUPERVISOR, n).orElseThrow(), n, given));
        client.push(500, Integer.MAX_VALUE);
    }

    static ChangeRequest correction(jp.kiban.resident.ResidentRecord r, AddresseeNumber n, String given) {
        return new ChangeRequest.Correction(n, LocalDate.of(2026, 5, 1),
                r.person().toBuilder().name(r.person().name().family(), given).build(), true, "届書の誤記");
    }

    static String family(int i) {
        return "控取" + "一二三四五六七八九十".charAt(i % 10) + "一二三四五六七八九十".charAt((i / 10) % 10);
    }

    static ChangeRequest moveIn(String family, String head, String wife, int i) {
        LocalDate date = LocalDate.of(2026, 4, 1);
        Address address = Address.of(Prefecture.TOKYO, "デモ町", "本町一丁目", "2-" + (i + 1))
                .withLocalGovernmentCode(LocalGovernmentCode.of("13999"));
        List<NewMember> members = List.of(
                new NewMember(PersonData.builder().name(family, head).furigana("ヒカエ　タロウ").birthDate("昭和50年1月2日")
                        .sex(Sex.MALE).build(), Relationship.HEAD),
                new NewMember(PersonData.builder().name(family, wife).furigana("ヒカエ　ハナコ").birthDate("昭和52年3月4日")
                        .sex(Sex.FEMALE).build(), Relationship.WIFE));
        return new ChangeRequest.DomesticMoveIn(date, date, address, Optional.of(PostalCode.of("100-0001")),
                "東京都千代田区霞が関一丁目1番1号", new MoveOutCertificate(LocalGovernmentCode.of("13101"), date.minusDays(3),
                        "東京都千代田区"), Optional.empty(), members);
    }

    @Override
    public void close() {
        emf.close();
        db.close();
    }
}
