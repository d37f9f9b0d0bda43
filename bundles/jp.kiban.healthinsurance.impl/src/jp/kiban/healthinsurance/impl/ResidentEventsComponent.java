package jp.kiban.healthinsurance.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import jp.kiban.healthinsurance.AcquisitionReason;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.LossReason;
import jp.kiban.healthinsurance.TaskKind;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Role;
import jp.kiban.resident.ChangeReason;
import jp.kiban.resident.ResidentEvents;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;

/**
 * 住民記録との連携: reacts to every confirmed resident change (topic {@code jp/kiban/resident/change/*}).
 * <ul>
 * <li><b>死亡</b> of an insured person: 資格喪失 automatically on the day after the death (国保法第8条第1項:
 * 住所を有しなくなった日の翌日). Death is certain once confirmed; no task.</li>
 * <li><b>転出</b> (国内・国外) of an insured person: 資格喪失 automatically on the day after the 転出予定日, and a
 * task 「転出による喪失の確認」: the 予定日 may still change, and a move to another prefecture ends the 資格 on
 * the 転出日 itself (第8条第1項ただし書), which only the clerk can tell.</li>
 * <li><b>出生</b> into a household with an insured person on the birth date: 資格取得 on the birth date
 * (第7条), 事由 出生.</li>
 * <li><b>転入</b>: a task 「国保加入の確認」 per household (whether the new residents have other insurance is not
 * in the register).</li>
 * <li><b>世帯分離・合併・世帯主変更</b> touching a known person: the copies are updated (世帯番号, 続柄, 世帯主)
 * and a task 「世帯変更の確認」 (納税義務者 and 擬制世帯主 may change).</li>
 * <li><b>取消</b> touching a known person: a task (the 資格 a cancelled change caused is not undone
 * automatically).</li>
 * <li>Every other change touching a known person (転居, 修正) refreshes the copy.</li>
 * </ul>
 * Changes are made as operator {@code kokuho-events}, a business reader of {@code kokuho}.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + ResidentEvents.TOPIC_ALL)
public class ResidentEventsComponent implements EventHandler {
    static final String BY = "kokuho-events";
    /** Reads as a business user: the 個人番号 is withheld. */
    static final Operator READER = new Operator(BY, "国保（住民異動連携）", "", Set.of(Role.BUSINESS),
            Set.of(HealthInsurance.BUSINESS));
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
            LOG.log(System.Logger.Level.ERROR, "kokuho: could not process resident change " + event.getProperty(ResidentEvents.CHANGE_ID)
                    + " (" + event.getProperty(ResidentEvents.REASON) + "): " + e.getMessage(), e);
        }
    }

    void handle(ChangeReason reason, UUID changeId, LocalDate date) {
        List<ResidentRecord> snapshots = registry.changeSnapshots(READER, changeId);
        if (snapshots.isEmpty()) {
            return;
        }
        tx.requiredRun(em -> {
            switch (reason) {
                case DEATH -> lose(em, snapshots, date.plusDays(1), LossReason.DEATH, false, changeId, date);
                case DOMESTIC_MOVE_OUT, MOVE_OUT_ABROAD ->
                    lose(em, snapshots, date.plusDays(1), LossReason.MOVE_OUT, true, changeId, date);
                case BIRTH -> birth(em, snapshots, date, changeId);
                case DOMESTIC_MOVE_IN, MOVE_IN_FROM_ABROAD -> moveIn(em, snapshots, changeId, date);
                case HOUSEHOLD_SPLIT, HOUSEHOLD_MERGE, HEAD_CHANGE -> {
                    if (refreshKnown(em, snapshots)) {
                        taskPerHousehold(em, TaskKind.HOUSEHOLD_CHANGE, snapshots, changeId, date);
                    }
                }
                case CANCELLATION -> {
                    if (refreshKnown(em, snapshots)) {
                        taskPerHousehold(em, TaskKind.CANCELLATION, snapshots, changeId, date);
                    }
                }
                default -> refreshKnown(em, snapshots);
            }
        });
    }

    private void lose(EntityManager em, List<ResidentRecord> snapshots, LocalDate lostOn, LossReason why,
            boolean confirm, UUID changeId, LocalDate date) {
        for (ResidentRecord r : snapshots) {
            if (Store.person(em, r.addresseeNumber().value()) == null) {
                continue;
            }
            copy(em, r, changeId, date);
            if (r.change().reason() != ChangeReason.DEATH && r.change().reason() != ChangeReason.DOMESTIC_MOVE_OUT
                    && r.change().reason() != ChangeReason.MOVE_OUT_ABROAD) {
                continue; // a household member who only got a new 世帯主 on this change
            }
            Optional<QualificationEntity> open = Store.open(em, r.addresseeNumber().value());
            if (open.isPresent() && lostOn.isAfter(open.get().acquiredOn)) {
                Store.lose(em, open.get(), lostOn, why, BY);
                if (confirm) {
                    task(em, TaskKind.CONFIRM_MOVE_OUT, changeId, r.householdNumber().value(), r.addresseeNumber().value(),
                            date, r.person().displayName().fullName());
                }
            }
        }
    }

    private void birth(EntityManager em, List<ResidentRecord> snapshots, LocalDate date, UUID changeId) {
        for (ResidentRecord r : snapshots) {
            if (r.change().reason() != ChangeReason.BIRTH || Store.person(em, r.addresseeNumber().value()) != null) {
                refreshOne(em, r, changeId, date);
                continue;
            }
            LocalDate born = r.person().birthDate().exactDate().orElse(date);
            boolean insuredHousehold = Store.persons(em, r.householdNumber().value()).stream()
                    .anyMatch(p -> Store.qualifications(em, List.of(p.addresseeNumber)).stream()
                            .anyMatch(q -> Store.covers(q, born)));
            if (insuredHousehold && copy(em, r, changeId, date)) {
                Store.acquire(em, r.addresseeNumber().value(), born, AcquisitionReason.BIRTH, BY);
            }
        }
    }

    private void moveIn(EntityManager em, List<ResidentRecord> snapshots, UUID changeId, LocalDate date) {
        Map<String, List<ResidentRecord>> byHousehold = new LinkedHashMap<>();
        for (ResidentRecord r : snapshots) {
            refreshOne(em, r, changeId, date);
            if (r.change().reason() == ChangeReason.DOMESTIC_MOVE_IN || r.change().reason() == ChangeReason.MOVE_IN_FROM_ABROAD) {
                byHousehold.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
            }
        }
        byHousehold.forEach((h, members) -> task(em, TaskKind.CONFIRM_ENROLMENT, changeId, h,
                members.get(0).addresseeNumber().value(), date, names(members)));
    }

    /** Refreshes the copies of the persons this business knows; true if there was any. */
    private boolean refreshKnown(EntityManager em, List<ResidentRecord> snapshots) {
        boolean any = false;
        Set<String> households = new LinkedHashSet<>();
        for (ResidentRecord r : snapshots) {
            PersonEntity p = Store.person(em, r.addresseeNumber().value());
            if (p != null) {
                households.add(p.householdNumber);
                households.add(r.householdNumber().value());
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        for (ResidentRecord r : snapshots) {
            if (Store.person(em, r.addresseeNumber().value()) != null || (r.isHead() && households.contains(r.householdNumber().value()))) {
                copy(em, r, null, r.change().changeDate());
            }
        }
        return true;
    }

    private void refreshOne(EntityManager em, ResidentRecord r, UUID changeId, LocalDate date) {
        if (Store.person(em, r.addresseeNumber().value()) != null) {
            copy(em, r, changeId, date);
        }
    }

    /** Copies the person; a date of birth that is not exact becomes a task instead. */
    private boolean copy(EntityManager em, ResidentRecord r, UUID changeId, LocalDate date) {
        if (r.person().birthDate().exactDate().isEmpty()) {
            task(em, TaskKind.BIRTH_DATE_UNKNOWN, changeId, r.householdNumber().value(), r.addresseeNumber().value(),
                    date, r.person().displayName().fullName());
            return false;
        }
        Store.copy(em, r);
        return true;
    }

    private void taskPerHousehold(EntityManager em, TaskKind kind, List<ResidentRecord> snapshots, UUID changeId,
            LocalDate date) {
        Map<String, List<ResidentRecord>> byHousehold = new LinkedHashMap<>();
        for (ResidentRecord r : snapshots) {
            byHousehold.computeIfAbsent(r.householdNumber().value(), k -> new ArrayList<>()).add(r);
        }
        byHousehold.forEach((h, members) -> task(em, kind, changeId, h, members.get(0).addresseeNumber().value(), date,
                names(members)));
    }

    private static String names(List<ResidentRecord> members) {
        StringBuilder sb = new StringBuilder();
        for (ResidentRecord r : members) {
            if (sb.length() > 0) {
                sb.append("、");
            }
            sb.append(r.person().displayName().fullName());
        }
        return sb.length() > 390 ? sb.substring(0, 390) + "…" : sb.toString();
    }

    static void task(EntityManager em, TaskKind kind, UUID changeId, String household, String person, LocalDate date,
            String subject) {
        TaskEntity t = new TaskEntity();
        t.id = UUID.randomUUID().toString();
        t.createdAt = Instant.now();
        t.kind = kind.name();
        t.changeId = changeId == null ? null : changeId.toString();
        t.householdNumber = household;
        t.addresseeNumber = person;
        t.changeDate = date;
        t.subject = subject;
        t.done = false;
        em.persist(t);
    }
}
