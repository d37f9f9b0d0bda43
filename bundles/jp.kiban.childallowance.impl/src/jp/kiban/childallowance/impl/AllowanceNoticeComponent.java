package jp.kiban.childallowance.impl;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.childallowance.AllowanceCalculator;
import jp.kiban.childallowance.AllowanceChild;
import jp.kiban.childallowance.AllowanceNotices;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.ChildAllowanceException;
import jp.kiban.childallowance.ChildLine;
import jp.kiban.childallowance.MonthlyAmount;
import jp.kiban.childallowance.Payment;
import jp.kiban.childallowance.Recipient;
import jp.kiban.childallowance.Revision;
import jp.kiban.childallowance.RevisionKind;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.forms.Notice;
import jp.kiban.forms.NoticeWriter;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/**
 * 児童手当認定通知書 / 額改定通知書 / 受給資格消滅通知書: the recipient's latest step laid out as a {@link Notice} for the
 * forms' {@link NoticeWriter}, to the recipient at the address this business keeps (refreshed from resident events).
 * What was printed is recorded in {@code jidoteate_notice} and in the access log.
 */
@Component(service = AllowanceNotices.class)
public class AllowanceNoticeComponent implements AllowanceNotices {
    static final String CERTIFICATION = "児童手当認定通知書";
    static final String REVISION = "児童手当額改定通知書";
    static final String EXTINCTION = "児童手当受給資格消滅通知書";

    @Reference
    private ChildAllowance allowance;
    @Reference
    private NoticeWriter writer;
    @Reference
    private Transactions tx;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    @Override
    public byte[] notice(Operator operator, UUID id, LocalDate noticeDate) {
        Guard.staff(authorisation, operator, "jidoteate.notice");
        Recipient r = allowance.recipient(operator, id).orElseThrow(() -> new ChildAllowanceException("recipient.unknown"));
        if (r.revisions().isEmpty()) {
            throw new ChildAllowanceException("notice.none");
        }
        Revision last = r.revisions().get(r.revisions().size() - 1);
        Notice notice = notice(r, last, noticeDate);
        byte[] pdf = writer.write(notice);
        tx.requiredRun(em -> {
            NoticeEntity n = new NoticeEntity();
            n.id = UUID.randomUUID().toString();
            n.recipientId = r.id().toString();
            n.revisionId = last.id().toString();
            n.title = notice.title();
            n.noticeDate = noticeDate;
            n.monthlyAmount = last.monthlyAmount();
            n.issuedBy = operator.id();
            n.issuedAt = Instant.now();
            em.persist(n);
        });
        List<String> persons = new ArrayList<>();
        persons.add(r.person().value());
        r.children().forEach(c -> c.person().ifPresent(p -> persons.add(p.value())));
        accessLog.record(AccessEvent.of(operator, AccessKind.PRINT, "jidoteate.notice", persons, false,
                notice.title() + " " + last.effectiveMonth() + " " + last.monthlyAmount()));
        return pdf;
    }

    /** The notice itself, from the recipient and the step (no I/O). */
    static Notice notice(Recipient r, Revision step, LocalDate noticeDate) {
        List<Notice.Block> body = new ArrayList<>();
        String title;
        List<String> footnotes = new ArrayList<>();
        List<String> changes = step.kind() == RevisionKind.EXTINCTION ? List.of()
                : changesAhead(r, step.effectiveMonth(), 24);
        Notice.Field ahead = new Notice.Field("今後の手当月額", changes.isEmpty() ? "年齢による変更は2年以内にありません"
                : String.join("、", changes) + "（年齢による変更のため、改めて通知しません）");
        switch (step.kind()) {
            case CERTIFICATION -> {
                title = CERTIFICATION;
                body.add(new Notice.Paragraph("あなたから" + wareki(r.applicationDate()) + "に請求のあった児童手当について、次のとおり"
                        + "認定したので、児童手当法第7条第1項の規定により通知します。"));
                body.add(new Notice.Heading("1 認定の内容"));
                List<Notice.Field> f = new ArrayList<>();
                f.add(new Notice.Field("受給者氏名", r.name()));
                f.add(new Notice.Field("認定請求日", wareki(r.applicationDate())));
                boolean special = AllowanceCalculator.specialRuleApplies(r.applicationDate(), r.trigger(), r.eventDate());
                f.add(new Notice.Field("支給開始月", month(r.startMonth()) + "分から" + (special ? "（" + r.trigger().label()
                        + "日の翌日から15日以内の請求のため、" + r.trigger().label() + "月の翌月分から）" : "")));
                f.add(new Notice.Field("手当月額", yen(step.monthlyAmount()) + "円"));
                f.add(ahead);
                body.add(new Notice.Fields(f));
            }
            case EXTINCTION -> {
                title = EXTINCTION;
                body.add(new Notice.Paragraph("あなたの児童手当の受給資格は、次のとおり消滅したので通知します。"));
                body.add(new Notice.Heading("1 消滅の内容"));
                List<Notice.Field> f = new ArrayList<>();
                f.add(new Notice.Field("受給者氏名", r.name()));
                f.add(new Notice.Field("消滅事由", r.extinctionReason().map(x -> x.label()).orElse(step.detail())));
                f.add(new Notice.Field("消滅年月日", r.extinctionDate().map(AllowanceNoticeComponent::wareki).orElse("")));
                f.add(new Notice.Field("支給最終月", r.endMonth().map(m -> month(m) + "分まで").orElse("")));
                r.endMonth().filter(m -> !m.isBefore(r.startMonth())).ifPresent(m -> {
                    YearMonth pay = AllowanceCalculator.payMonth(m);
                    long rest = AllowanceCalculator.monthsPaidIn(pay).stream().mapToLong(x -> r.amount(x).total()).sum();
                    f.add(new Notice.Field("最後の支払", month(pay) + " " + yen(rest) + "円（"
                            + String.join("・", AllowanceCalculator.monthsPaidIn(pay).stream()
                                    .map(x -> Integer.toString(x.getMonthValue())).toList()) + "月分）"));
                });
                body.add(new Notice.Fields(f));
            }
            default -> {
                title = REVISION;
                body.add(new Notice.Paragraph("あなたの児童手当の額を、次のとおり改定したので、児童手当法第9条の規定により通知します。"));
                body.add(new Notice.Heading("1 改定の内容"));
                List<Notice.Field> f = new ArrayList<>();
                f.add(new Notice.Field("受給者氏名", r.name()));
                f.add(new Notice.Field("改定年月", month(step.effectiveMonth()) + "分から"));
                f.add(new Notice.Field("改定の理由", step.kind().label() + "：" + step.detail()));
                f.add(new Notice.Field("改定前の手当月額", yen(r.amount(step.effectiveMonth().minusMonths(1)).total()) + "円"));
                f.add(new Notice.Field("改定後の手当月額", yen(step.monthlyAmount()) + "円"));
                f.add(ahead);
                body.add(new Notice.Fields(f));
            }
        }
        if (step.kind() != RevisionKind.EXTINCTION) {
            YearMonth month = step.effectiveMonth();
            MonthlyAmount a = r.amount(month);
            body.add(new Notice.Heading("2 対象児童等（" + month(month) + "分）"));
            List<List<String>> rows = new ArrayList<>();
            for (AllowanceChild c : r.children()) {
                ChildLine l = a.line(c.id().toString()).orElse(null);
                if (l == null || l.order() == 0) {
                    continue;
                }
                rows.add(List.of(c.name(), c.relationship(), wareki(c.birthDate()), l.band().label(), "第" + l.order() + "子",
                        yen(l.amount()) + "円"));
            }
            rows.add(List.of("合計", "", "", "", "", yen(a.total()) + "円"));
            body.add(new Notice.Table("", List.of("氏名", "続柄", "生年月日", "区分", "順位", "月額"),
                    List.of(false, false, false, false, false, true), rows, true));
            body.add(new Notice.Heading("3 支払予定（偶数月に前月分までを口座に振込み）"));
            List<String> pays = new ArrayList<>();
            int fy = AllowanceCalculator.fiscalYearOf(month);
            for (int y = fy; y <= fy + 1 && pays.size() < 4; y++) {
                for (Payment p : ChildAllowanceComponent.schedule(r, y)) {
                    if (p.payMonth().isAfter(month) && pays.size() < 4) {
                        pays.add(month(p.payMonth()) + " " + yen(p.amount()) + "円（" + monthsLabel(p) + "）");
                    }
                }
            }
            body.add(new Notice.Paragraph(String.join("、", pays) + "。"));
        }
        if (step.kind() != RevisionKind.EXTINCTION) {
            footnotes.add("住所・氏名が変わったとき、児童を監護しなくなったとき、公務員になったときなどは、15日以内に届け出てください。");
        }
        footnotes.add("この処分に不服がある場合は、この処分があったことを知った日の翌日から起算して3か月以内に、町長に対して審査請求をすることが"
                + "できます（行政不服審査法第2条、第4条及び第18条）。");
        footnotes.add("この処分の取消しの訴えは、この処分があったことを知った日の翌日から起算して6か月以内に、町を被告として（訴訟において町を"
                + "代表する者は町長となります。）提起することができます（行政事件訴訟法第8条及び第14条）。");
        Notice.Recipient to = new Notice.Recipient(r.postalCode(), List.of(r.address()), r.name(), "宛名番号 " + r.person().value());
        return new Notice(title, to, noticeDate, Optional.empty(), body, true, footnotes);
    }

    /** The months within {@code horizon} after {@code from} where the amount changes by age alone. */
    static List<String> changesAhead(Recipient r, YearMonth from, int horizon) {
        List<String> out = new ArrayList<>();
        long previous = r.amount(from).total();
        for (int i = 1; i <= horizon; i++) {
            YearMonth m = from.plusMonths(i);
            if (!r.entitledIn(m)) {
                break;
            }
            long now = r.amount(m).total();
            if (now != previous) {
                out.add(month(m) + "分から" + yen(now) + "円");
                previous = now;
            }
        }
        return out;
    }

    static String monthsLabel(Payment p) {
        List<String> parts = new ArrayList<>();
        for (MonthlyAmount m : p.months()) {
            parts.add(Integer.toString(m.month().getMonthValue()));
        }
        return String.join("・", parts) + "月分";
    }

    static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
    }

    static String wareki(LocalDate day) {
        return WarekiDate.of(day).format();
    }

    /** 令和7年5月 for 2025-05. */
    static String month(YearMonth m) {
        String f = WarekiDate.of(m.atDay(1)).format();
        return f.substring(0, f.indexOf('月') + 1);
    }
}
