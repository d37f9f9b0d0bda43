package jp.kiban.childallowance.impl;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import jakarta.persistence.EntityManager;
import jp.kiban.childallowance.AllowanceCalculator;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.TaskKind;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ResidentEvents;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;

/**
 * 住民記録との連携: reacts to confirmed resident changes (topic {@code jp/kiban/resident/change/*}) with 確認事項 for the
 * clerk. The 児童手当 is paid on a 請求 (児童手当法第7条), so nothing is certified or ended automatically:
 * <ul>
 * <li><b>出生</b>: into a household with a recipient → 「額改定請求の確認」; otherwise → 「認定請求の勧奨」; both with the
 * last day of the 15日特例 (第8条第3項, 第9条第2項).</li>
 * <li><b>転入</b> of a household with anyone of high-school age or younger → 「認定請求の勧奨」 with the 15日特例.</li>
 * <li><b>転出</b> of a recipient → 「消滅処理」 (the new town certifies from the month after its 請求); of a counted child
 * → 「別居監護・減額の確認」.</li>
 * <li><b>死亡</b> of a recipient → 「消滅・未支払手当」 (第12条); of a counted child → 「減額・消滅」.</li>
 * <li><b>取消</b> touching a recipient or a child → a task.</li>
 * <li>Every change touching a recipient refreshes this business's copy (氏名, 住所, 世帯番号) for the notices.</li>
 * </ul>
 * Reads as operator {@code jidoteate-events}, a business reader of {@code jidoteate}; never reads the resident tables.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + ResidentEvents.TOPIC_ALL)
public class ResidentEventsComponent implements EventHandler {
    static final String BY = "jidoteate-events";
    /** Reads as a business user: the 個人番号 is withheld. */
    static final Operator READER = new Operator(BY, "児童手当（住民異動連携）", "", Set.of(Role.BUSINESS),
            Set.of(ChildAllowance.BUSINESS));
    private static final System.Logger LOG = System.getLogger(ResidentEventsComponent.class.getName());

    @Reference
    private ResidentRegistry registry;
    @Reference
    private Transactions tx;

    @Override
    public void handleEvent(Event event) {
        try {
            handle(ChangeReason.valueOf((String) event.getProperty(ResidentEvents.REASON)),
                    UUID.fromString((String) event.getProperty(ResidentEvents.CHANGE_ID)),
                    LocalDate.parse((String) event.getProperty(ResidentEvents.CHANGE_DATE)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "jidoteate: could not process resident change "
                    + event.getProperty(ResidentEvents.CHANGE_ID) + " (" + event.getProperty(ResidentEvents.REASON) + "): "
                    + e.getMessage(), e);
        }
    }

    void handle(ChangeReason reason, UUID changeId, LocalDate date) {
        List<ResidentRecord> snapshots = registry.changeSnapshots(READER, changeId);
        if (snapshots.isEmpty()) {
            return;
        }
        tx.requiredRun(em -> {
            refreshRecipients(em, snapshots);
            switch (reason) {
                case BIRTH -> birth(em, snapshots, changeId, date);
                case DOMESTIC_MOVE_IN, MOVE_IN_FROM_ABROAD -> moveIn(em, snapshots, changeId, date);
                case DOMESTIC_MOVE_OUT, MOVE_OUT_ABROAD ->
                    leaving(em, snapshots, changeId, date, TaskKind.RECIPIENT_MOVED_OUT, TaskKind.CHILD_MOVED_OUT);
                case DEATH -> leaving(em, snapshots, changeId, date, TaskKind.RECIPIENT_DIED, TaskKind.CHILD_DIED);
                case CANCELLATION -> cancellation(em, snapshots, changeId, date);
                default -> {
                    // 転居, 世帯変更, 修正: the copies are refreshed above
                }
            }
        });
    }

    /*
     * Every snapshot of a change carries the change's reason, the household members' too (they get the new household
     * items), so who the change is about is read from the snapshot itself.
     */

    /** The newborn: the first snapshot of the person. */
    private static boolean newborn(ResidentRecord r) {
        return r.change().reason() == ChangeReason.BIRTH && r.historyNumber() == 1;
    }

    /** A person who moved in with this change (the address dates from the 異動日). */
    private static boolean movedIn(ResidentRecord r, LocalDate date) {
        return r.addressSince().equals(date);
    }

    /** The person who died, or one of those moving out (a 転出予定日), not a member who stays. */
    private static boolean leaves(ResidentRecord r) {
        return switch (r.change().reason()) {
            case DEATH -> !r.status().onRegister() || r.removedOn().isPresent();
            case DOMESTIC_MOVE_OUT, MOVE_OUT_ABROAD -> r.plannedMoveOutDate().isPresent();
            default -> false;
        };
    }

    private void birth(EntityManager em, List<ResidentRecord> snapshots, UUID changeId, LocalDate date) {
        for (ResidentRecord r : snapshots) {
            if (!newborn(r)) {
                continue; // a household member whose snapshot only carries the household items
            }
            LocalDate born = r.person().birthDate().exactDate().orElse(date);
            String household = r.householdNumber().value();
            List<RecipientEntity> recipients = Store.activeRecipientsInHousehold(em, household);
            String name = r.person().displayName().fullName();
            if (recipients.isEmpty()) {
                Store.task(em, TaskKind.BIRTH_APPLICATION, changeId, household, r.addresseeNumber().value(), null, date,
                        born.plusDays(AllowanceCalculator.SPECIAL_RULE_DAYS), name + "（" + r.householdHead().fullName() + " 世帯）");
            } else {
                for (RecipientEntity rec : recipients) {
                    Store.task(em, TaskKind.BIRTH_REVISION, changeId, household, r.addresseeNumber().value(), rec.id, date,
                            born.plusDays(AllowanceCalculator.SPECIAL_RULE_DAYS), name + "（受給者 " + rec.name + "）");
                }
            }
        }
    }

    private void moveIn(EntityManager em, List<ResidentRecord> snapshots, UUID changeId, LocalDate date) {
        Map<String, List<ResidentRecord>> byHousehold = new LinkedHashMap<>();
        for (ResidentRecord r : snapshots) {
            if (movedIn(r, date)) {
                byHousehold.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
            }
        }
        YearMonth month = YearMonth.from(date);
        byHousehold.forEach((household, members) -> {
            List<ResidentRecord> children = members.stream().filter(m -> m.person().birthDate().exactDate()
                    .map(b -> AllowanceCalculator.isChild(b, month)).orElse(true)).toList();
            if (children.isEmpty()) {
                return;
            }
            ResidentRecord head = members.stream().filter(ResidentRecord::isHead).findFirst().orElse(members.get(0));
            Store.task(em, TaskKind.MOVE_IN_APPLICATION, changeId, household, head.addresseeNumber().value(), null, date,
                    date.plusDays(AllowanceCalculator.SPECIAL_RULE_DAYS),
                    head.person().displayName().fullName() + " 世帯（児童 " + names(children) + "）");
        });
    }

    private void leaving(EntityManager em, List<ResidentRecord> snapshots, UUID changeId, LocalDate date,
            TaskKind recipientKind, TaskKind childKind) {
        for (ResidentRecord r : snapshots) {
            if (!leaves(r)) {
                continue;
            }
            String person = r.addresseeNumber().value();
            String name = r.person().displayName().fullName();
            Optional<RecipientEntity> rec = Store.activeRecipientOf(em, person);
            rec.ifPresent(x -> Store.task(em, recipientKind, changeId, r.householdNumber().value(), person, x.id, date, null,
                    name + "（受給者）"));
            for (Object[] row : Store.activeChildRows(em, person)) {
                RecipientEntity owner = (RecipientEntity) row[1];
                Store.task(em, childKind, changeId, r.householdNumber().value(), person, owner.id, date, null,
                        name + "（受給者 " + owner.name + "）");
            }
        }
    }

    private void cancellation(EntityManager em, List<ResidentRecord> snapshots, UUID changeId, LocalDate date) {
        for (ResidentRecord r : snapshots) {
            String person = r.addresseeNumber().value();
            Optional<RecipientEntity> rec = Store.activeRecipientOf(em, person);
            List<Object[]> asChild = Store.activeChildRows(em, person);
            if (rec.isEmpty() && asChild.isEmpty()) {
                continue;
            }
            String recipient = rec.map(x -> x.id).orElse(((RecipientEntity) asChild.get(0)[1]).id);
            Store.task(em, TaskKind.CANCELLATION, changeId, r.householdNumber().value(), person, recipient, date, null,
                    r.person().displayName().fullName());
        }
    }

    /** Keeps the copy of every active recipient in the change up to date (氏名, 住所, 世帯番号). */
    private void refreshRecipients(EntityManager em, List<ResidentRecord> snapshots) {
        for (ResidentRecord r : snapshots) {
            Store.activeRecipientOf(em, r.addresseeNumber().value()).ifPresent(rec -> {
                if (r.status().onRegister()) {
                    ChildAllowanceComponent.refresh(rec, r);
                }
            });
        }
    }

    private static String names(List<ResidentRecord> members) {
        StringBuilder sb = new StringBuilder();
        for (ResidentRecord r : members) {
            if (sb.length() > 0) {
                sb.append("、");
            }
            sb.append(r.person().displayName().fullName());
        }
        return sb.length() > 300 ? sb.substring(0, 300) + "…" : sb.toString();
    }
}
