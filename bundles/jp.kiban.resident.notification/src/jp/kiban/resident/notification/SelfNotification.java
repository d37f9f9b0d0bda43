package jp.kiban.resident.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 本人通知制度 (住民記録システム標準仕様書 8.1, 実装してもしなくても良い機能): a resident registers (事前登録) to be told when
 * a 住民票の写し or the like about them is issued. Each issued certificate that lists a registered person becomes a
 * {@link IssueNotice} for that person; the counter records who asked for it (交付請求者区分, correctable), and the
 * 住民票の写し等交付通知書 (本人通知書) is printed for every notice not yet sent whose requester was not the person
 * themselves. Counter staff and supervisors ({@code REGISTER_CHANGE}); every change and print is access-logged.
 */
public interface SelfNotification {

    /**
     * 登録: the person (on the register) asks to be notified from {@code from} on; {@code until} (optional) is the end
     * of the registration period. Refused while the person has a registration in force.
     */
    Registration register(Operator operator, AddresseeNumber person, LocalDate from, Optional<LocalDate> until,
            String note);

    /** 廃止: the registration ends on {@code on} (the person withdrew, moved away …). */
    Registration end(Operator operator, UUID registration, LocalDate on, String reason);

    /** Registrations, newest first; with {@code includeEnded} also the ended ones. */
    List<Registration> registrations(Operator operator, boolean includeEnded);

    /** The registration of the person in force on that day. */
    Optional<Registration> inForce(Operator operator, AddresseeNumber person, LocalDate day);

    /** Notices, oldest first; with {@code includeSent} also the ones sent or not to be sent. */
    List<IssueNotice> notices(Operator operator, boolean includeSent);

    /**
     * 交付請求者区分 of an issued certificate (by its 発行番号), recorded at the counter and correctable afterwards:
     * every notice of that certificate not yet sent takes it; {@link RequesterClass#SELF} means no notice is sent.
     * Returns how many notices were updated.
     */
    int setRequester(Operator operator, String issueNumber, RequesterClass requester);

    /**
     * The 本人通知書 (住民票の写し等交付通知書) of the given notices as one PDF, one per page(s) each, and marks them as
     * sent. Notices already sent or of a certificate the person asked for themselves are refused.
     */
    byte[] print(Operator operator, List<UUID> notices, LocalDate noticeDate);
}
