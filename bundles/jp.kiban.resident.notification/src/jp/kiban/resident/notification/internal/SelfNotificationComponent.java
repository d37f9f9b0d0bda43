package jp.kiban.resident.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import jakarta.persistence.EntityManager;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.CertificateKind;
import jp.kiban.forms.IssueEvents;
import jp.kiban.forms.Notice;
import jp.kiban.forms.NoticeWriter;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.resident.notification.IssueNotice;
import jp.kiban.resident.notification.NotificationException;
import jp.kiban.resident.notification.Registration;
import jp.kiban.resident.notification.RequesterClass;
import jp.kiban.resident.notification.SelfNotification;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/**
 * The 本人通知制度: registrations in {@code notification_registration}; every certificate the forms report as issued
 * ({@link IssueEvents#TOPIC_ISSUED}) that lists a person registered on that day becomes a row of
 * {@code notification_notice}; the 本人通知書 is laid out by the forms' {@link NoticeWriter}.
 */
@Component(service = { SelfNotification.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + IssueEvents.TOPIC_ISSUED)
public class SelfNotificationComponent implements SelfNotification, EventHandler {
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String TITLE = "住民票の写し等交付通知書";
    private static final System.Logger LOG = System.getLogger(SelfNotificationComponent.class.getName());

    @Reference
    private Transactions tx;
    @Reference
    private ResidentRegistry registry;
    @Reference
    private NoticeWriter writer;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    private void require(Operator operator, String action) {
        authorisation.require(operator, Permission.REGISTER_CHANGE, action);
    }

    // ---- registrations ---------------------------------------------------------------------------------------

    @Override
    public Registration register(Operator operator, AddresseeNumber person, LocalDate from, Optional<LocalDate> until,
            String note) {
        require(operator, "resident.notification.register");
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new NotificationException("registration.period");
        }
        ResidentRecord r = registry.current(operator, person)
                .orElseThrow(() -> new NotificationException("person.unknown", person.value()));
        if (!r.status().onRegister()) {
            throw new NotificationException("person.notResident", person.value());
        }
        Registration saved = tx.required(em -> {
            for (RegistrationEntity e : registrations(em, person.value())) {
                if (registration(e).inForceOn(from) || registration(e).endedOn().isEmpty()
                        && registration(e).until().map(u -> !u.isBefore(from)).orElse(true)) {
                    throw new NotificationException("registration.exists", format(e.validFrom));
                }
            }
            RegistrationEntity e = new RegistrationEntity();
            e.id = UUID.randomUUID().toString();
            e.addresseeNumber = person.value();
            e.personName = r.person().displayName().fullName();
            e.validFrom = from;
            e.validUntil = until.orElse(null);
            e.note = note == null ? "" : note.strip();
            e.registeredBy = operator.id();
            e.registeredAt = Instant.now();
            em.persist(e);
            return registration(e);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "resident.notification.register",
                List.of(person.value()), false, "from " + from + until.map(u -> " until " + u).orElse("")));
        return saved;
    }

    @Override
    public Registration end(Operator operator, UUID id, LocalDate on, String reason) {
        require(operator, "resident.notification.end");
        Registration ended = tx.required(em -> {
            RegistrationEntity e = em.find(RegistrationEntity.class, id.toString());
            if (e == null) {
                throw new NotificationException("registration.unknown");
            }
            if (e.endedOn != null) {
                throw new NotificationException("registration.ended");
            }
            if (on.isBefore(e.validFrom)) {
                throw new NotificationException("registration.endBeforeStart", format(e.validFrom));
            }
            e.endedOn = on;
            e.endReason = reason == null || reason.isBlank() ? null : reason.strip();
            return registration(e);
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "resident.notification.end",
                List.of(ended.person().value()), false, "on " + on));
        return ended;
    }

    @Override
    public List<Registration> registrations(Operator operator, boolean includeEnded) {
        require(operator, "resident.notification.list");
        return tx.readOnly(em -> em.createQuery(
                "SELECT r FROM NotificationRegistration r" + (includeEnded ? "" : " WHERE r.endedOn IS NULL")
                        + " ORDER BY r.registeredAt DESC, r.id",
                RegistrationEntity.class).getResultList().stream().map(SelfNotificationComponent::registration).toList());
    }

    @Override
    public Optional<Registration> inForce(Operator operator, AddresseeNumber person, LocalDate day) {
        require(operator, "resident.notification.list");
        return tx.readOnly(em -> inForce(em, person.value(), day));
    }

    private static Optional<Registration> inForce(EntityManager em, String person, LocalDate day) {
        return registrations(em, person).stream().map(SelfNotificationComponent::registration)
                .filter(r -> r.inForceOn(day)).findFirst();
    }

    private static List<RegistrationEntity> registrations(EntityManager em, String person) {
        return em.createQuery("SELECT r FROM NotificationRegistration r WHERE r.addresseeNumber = :p ORDER BY r.validFrom",
                RegistrationEntity.class).setParameter("p", person).getResultList();
    }

    static Registration registration(RegistrationEntity e) {
        return new Registration(UUID.fromString(e.id), AddresseeNumber.of(e.addresseeNumber), e.personName, e.validFrom,
                Optional.ofNullable(e.validUntil), Optional.ofNullable(e.endedOn), Optional.ofNullable(e.endReason),
                e.note, e.registeredBy, e.registeredAt);
    }

    // ---- the reaction to issued certificates -------------------------------------------------------------------

    /** A certificate was issued: a notice for every person on it who is registered on the day it was issued. */
    @Override
    public void handleEvent(Event event) {
        try {
            String entryId = (String) event.getProperty(IssueEvents.ENTRY_ID);
            String issueNumber = (String) event.getProperty(IssueEvents.ISSUE_NUMBER);
            String kind = (String) event.getProperty(IssueEvents.KIND);
            int pages = Integer.parseInt((String) event.getProperty(IssueEvents.PAGES));
            Instant at = Instant.parse((String) event.getProperty(IssueEvents.ISSUED_AT));
            LocalDate day = LocalDate.ofInstant(at, JAPAN);
            String[] persons = (String[]) event.getProperty(IssueEvents.PERSONS);
            int made = tx.required(em -> {
                int n = 0;
                RequesterEntity recorded = em.find(RequesterEntity.class, issueNumber);
                for (String person : persons) {
                    Optional<Registration> reg = inForce(em, person, day);
                    if (reg.isEmpty() || !em.createQuery("SELECT n FROM NotificationNotice n WHERE n.issueEntryId = :e"
                            + " AND n.addresseeNumber = :p", NoticeEntity.class).setParameter("e", entryId)
                            .setParameter("p", person).getResultList().isEmpty()) {
                        continue;
                    }
                    NoticeEntity n1 = new NoticeEntity();
                    n1.id = UUID.randomUUID().toString();
                    n1.registrationId = reg.get().id().toString();
                    n1.addresseeNumber = person;
                    n1.issueEntryId = entryId;
                    n1.issueNumber = issueNumber;
                    n1.kind = kind;
                    n1.issuedOn = day;
                    n1.pages = pages;
                    n1.requester = recorded == null ? RequesterClass.UNRECORDED.name() : recorded.requester;
                    n1.createdAt = Instant.now();
                    em.persist(n1);
                    n++;
                }
                return n;
            });
            if (made > 0) {
                LOG.log(System.Logger.Level.INFO, "本人通知: {0} notice(s) for issue {1}", made, issueNumber);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "本人通知: the issue event could not be handled: " + e.getMessage(), e);
        }
    }

    // ---- notices ---------------------------------------------------------------------------------------------

    @Override
    public List<IssueNotice> notices(Operator operator, boolean includeSent) {
        require(operator, "resident.notification.notices");
        return tx.readOnly(em -> em.createQuery("SELECT n FROM NotificationNotice n"
                + (includeSent ? "" : " WHERE n.sentAt IS NULL AND n.requester <> 'SELF'")
                + " ORDER BY n.createdAt, n.id", NoticeEntity.class).getResultList().stream()
                .map(SelfNotificationComponent::notice).toList());
    }

    static IssueNotice notice(NoticeEntity n) {
        return new IssueNotice(UUID.fromString(n.id), UUID.fromString(n.registrationId), AddresseeNumber.of(n.addresseeNumber),
                n.issueNumber, kindLabel(n.kind), n.issuedOn, n.pages, RequesterClass.valueOf(n.requester),
                Optional.ofNullable(n.sentAt));
    }

    static String kindLabel(String kind) {
        try {
            return CertificateKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    @Override
    public int setRequester(Operator operator, String issueNumber, RequesterClass requester) {
        require(operator, "resident.notification.requester");
        int n = tx.required(em -> {
            RequesterEntity r = em.find(RequesterEntity.class, issueNumber);
            if (r == null) {
                r = new RequesterEntity();
                r.issueNumber = issueNumber;
                r.requester = requester.name();
                r.recordedBy = operator.id();
                r.recordedAt = Instant.now();
                em.persist(r);
            } else {
                r.requester = requester.name();
                r.recordedBy = operator.id();
                r.recordedAt = Instant.now();
            }
            int updated = 0;
            for (NoticeEntity e : em.createQuery("SELECT n FROM NotificationNotice n WHERE n.issueNumber = :i AND n.sentAt IS NULL",
                    NoticeEntity.class).setParameter("i", issueNumber).getResultList()) {
                e.requester = requester.name();
                updated++;
            }
            return updated;
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.CHANGE, "resident.notification.requester",
                issueNumber + " " + requester));
        return n;
    }

    @Override
    public byte[] print(Operator operator, List<UUID> ids, LocalDate noticeDate) {
        require(operator, "resident.notification.print");
        if (ids.isEmpty()) {
            throw new NotificationException("notice.none");
        }
        List<IssueNotice> chosen = tx.readOnly(em -> {
            List<IssueNotice> out = new ArrayList<>();
            for (UUID id : ids) {
                NoticeEntity n = em.find(NoticeEntity.class, id.toString());
                if (n == null) {
                    throw new NotificationException("notice.unknown");
                }
                IssueNotice in = notice(n);
                if (!in.due()) {
                    throw new NotificationException("notice.notDue", in.issueNumber());
                }
                out.add(in);
            }
            return out;
        });
        List<Notice> notices = new ArrayList<>();
        for (IssueNotice n : chosen) {
            notices.add(layout(n, noticeDate, recipient(operator, n.person())));
        }
        byte[] pdf = writer.writeAll(notices);
        Instant now = Instant.now();
        tx.requiredRun(em -> {
            for (IssueNotice n : chosen) {
                NoticeEntity e = em.find(NoticeEntity.class, n.id().toString());
                e.sentAt = now;
                e.sentBy = operator.id();
            }
        });
        accessLog.record(AccessEvent.of(operator, AccessKind.PRINT, "resident.notification.print",
                chosen.stream().map(n -> n.person().value()).distinct().toList(), false, chosen.size() + " notice(s)"));
        return pdf;
    }

    private Notice.Recipient recipient(Operator operator, AddresseeNumber person) {
        ResidentRecord r = registry.current(operator, person)
                .orElseThrow(() -> new NotificationException("person.unknown", person.value()));
        return new Notice.Recipient(r.postalCode().map(p -> p.format()).orElse(""), List.of(r.address().format()),
                r.person().displayName().fullName(), "宛名番号 " + person.value());
    }

    /** The 本人通知書 of one issued certificate. */
    static Notice layout(IssueNotice n, LocalDate noticeDate, Notice.Recipient recipient) {
        List<Notice.Block> body = List.of(
                new Notice.Paragraph("あなたは本人通知制度に登録されていますので、あなたの住民票の写し等を次のとおり交付したことをお知らせします。"),
                new Notice.Fields(List.of(new Notice.Field("交付年月日", format(n.issuedOn())),
                        new Notice.Field("証明書の種別", n.kind()), new Notice.Field("交付枚数", n.pages() + "枚"),
                        new Notice.Field("交付請求者の区分", n.requester() == RequesterClass.UNRECORDED ? "記録なし"
                                : n.requester().label()),
                        new Notice.Field("発行番号", n.issueNumber()))));
        List<String> footnotes = List.of(
                "この通知は、住民票の写し等の不正請求の防止と個人の権利の侵害の防止を目的として、事前に登録された方にお送りしています。",
                "交付請求者の氏名等の開示を希望される場合は、個人情報の保護に関する法律に基づく開示請求をしてください。",
                "登録の廃止、住所の変更などは住民記録担当の窓口にお申し出ください。");
        return new Notice(TITLE, recipient, noticeDate, Optional.empty(), body, false, footnotes);
    }

    static String format(LocalDate day) {
        return WarekiDate.of(day).format();
    }
}
