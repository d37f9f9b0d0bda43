package jp.kiban.healthinsurance.impl;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.forms.Notice;
import jp.kiban.forms.NoticeWriter;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.InsuredPerson;
import jp.kiban.healthinsurance.Installment;
import jp.kiban.healthinsurance.KokuhoException;
import jp.kiban.healthinsurance.KokuhoHousehold;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.Part;
import jp.kiban.healthinsurance.PartAssessment;
import jp.kiban.healthinsurance.Qualification;
import jp.kiban.healthinsurance.TaxAssessment;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/**
 * 国民健康保険税 納税通知書: the household's {@link TaxAssessment} laid out as a {@link Notice} for the forms'
 * {@link NoticeWriter}. The recipient is the 世帯主 (納税義務者, also a 擬制世帯主) at the address of the resident
 * register; what was printed goes to the access log.
 */
@Component(service = KokuhoNotices.class)
public class TaxNoticeComponent implements KokuhoNotices {
    static final String TITLE = "国民健康保険税納税通知書";

    @Reference
    private HealthInsurance kokuho;
    @Reference
    private ResidentRegistry registry;
    @Reference
    private NoticeWriter writer;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    @Override
    public byte[] taxNotice(Operator operator, HouseholdNumber household, int fiscalYear, LocalDate noticeDate) {
        Guard.staff(authorisation, operator, "kokuho.notice");
        Built b = build(operator, household, fiscalYear, noticeDate);
        byte[] pdf = writer.write(b.notice());
        accessLog.record(AccessEvent.of(operator, AccessKind.PRINT, "kokuho.notice", b.persons(), false,
                "FY" + fiscalYear + " " + household.value() + " " + b.annualTax()));
        return pdf;
    }

    @Override
    public byte[] taxNotices(Operator operator, List<HouseholdNumber> households, int fiscalYear, LocalDate noticeDate) {
        Guard.staff(authorisation, operator, "kokuho.notice");
        List<Notice> notices = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        for (HouseholdNumber h : households) {
            Built b = build(operator, h, fiscalYear, noticeDate);
            if (b.annualTax() > 0) {
                notices.add(b.notice());
                persons.addAll(b.persons());
            }
        }
        if (notices.isEmpty()) {
            throw new KokuhoException("notice.none", fiscalYear);
        }
        byte[] pdf = writer.writeAll(notices);
        accessLog.record(AccessEvent.of(operator, AccessKind.PRINT, "kokuho.notice", persons, false,
                "FY" + fiscalYear + " " + notices.size() + " households"));
        return pdf;
    }

    private record Built(Notice notice, List<String> persons, long annualTax) {
    }

    private Built build(Operator operator, HouseholdNumber number, int fiscalYear, LocalDate noticeDate) {
        KokuhoHousehold household = kokuho.household(operator, number)
                .orElseThrow(() -> new KokuhoException("household.unknown", number.value()));
        TaxAssessment tax = kokuho.assess(operator, number, fiscalYear);
        // the 納税義務者: the 世帯主 as this business knows him, else as the register has him today
        Optional<ResidentRecord> headRecord = household.head().flatMap(h -> registry.current(operator, h.number()))
                .or(() -> registry.household(operator, number).head());
        String headName = household.head().map(InsuredPerson::name)
                .or(() -> headRecord.map(r -> r.person().displayName().fullName()))
                .orElseThrow(() -> new KokuhoException("household.oneHead"));
        Notice.Recipient recipient = new Notice.Recipient(
                headRecord.flatMap(ResidentRecord::postalCode).map(p -> p.format()).orElse(""),
                List.of(headRecord.map(r -> r.address().format()).orElse(household.address())), headName,
                "世帯番号 " + number.value());
        return new Built(notice(fiscalYear, noticeDate, household, tax, recipient, operator, kokuho),
                household.members().stream().map(m -> m.number().value()).toList(), tax.annualTax());
    }

    /** The notice itself, from what the services returned (no I/O besides the incomes). */
    static Notice notice(int fiscalYear, LocalDate noticeDate, KokuhoHousehold household, TaxAssessment tax,
            Notice.Recipient recipient, Operator operator, HealthInsurance kokuho) {
        String year = fiscalYearLabel(fiscalYear);
        LocalDate start = LocalDate.of(fiscalYear, 4, 1);
        LocalDate end = start.plusYears(1).minusDays(1);
        List<Notice.Block> body = new ArrayList<>();
        body.add(new Notice.Paragraph(year + "の国民健康保険税の額を次のとおり決定しましたので、地方税法第703条の4及び町国民健康保険税条例の規定により通知します。"
                + "各期の納期限までに納めてください。"));

        body.add(new Notice.Heading("1 納税義務者"));
        boolean nominal = household.members().stream().noneMatch(m -> m.head() && insuredInYear(m, start, end));
        List<Notice.Field> who = new ArrayList<>();
        who.add(new Notice.Field("納税義務者（世帯主）", recipient.name() + (nominal ? "（擬制世帯主）" : "")));
        who.add(new Notice.Field("世帯番号", household.number().value()));
        who.add(new Notice.Field("賦課年度", year + "（" + wareki(start) + "〜" + wareki(end) + "）"));
        body.add(new Notice.Fields(who));

        body.add(new Notice.Heading("2 税額の内訳"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("所得割額", tax, PartAssessment::incomeLevy, false));
        rows.add(row("均等割額", tax, PartAssessment::perCapitaLevy, false));
        rows.add(row("平等割額", tax, PartAssessment::perHouseholdLevy, false));
        rows.add(row("軽減額", tax, PartAssessment::reduction, true));
        rows.add(row("限度額適用前の額", tax, PartAssessment::beforeCap, false));
        List<String> caps = new ArrayList<>(List.of("課税限度額"));
        for (Part p : Part.values()) {
            caps.add(yen(tax.part(p).cap()));
        }
        caps.add("");
        rows.add(caps);
        List<String> amounts = new ArrayList<>(List.of("課税額"));
        for (Part p : Part.values()) {
            PartAssessment a = tax.part(p);
            amounts.add((a.capped() ? "※" : "") + yen(a.amount()));
        }
        amounts.add(yen(tax.total()));
        rows.add(amounts);
        body.add(new Notice.Table("区分ごとの税額（円）", List.of("区分", "医療分", "後期高齢者支援金分", "介護納付金分", "計"),
                List.of(false, true, true, true, true), rows, true));

        List<Notice.Field> facts = new ArrayList<>();
        PartAssessment care = tax.part(Part.CARE);
        facts.add(new Notice.Field("被保険者数", tax.part(Part.MEDICAL).persons() + "人（うち介護納付金分の対象 " + care.persons() + "人）"));
        facts.add(new Notice.Field("軽減", tax.reductionTenths() == 0 ? "該当なし"
                : "均等割額・平等割額の" + tax.reductionTenths() + "割軽減（軽減判定所得 " + yen(tax.reductionIncome()) + "円、被保険者等 "
                        + tax.reductionPersons() + "人）"));
        if (tax.householdFactor() != 4) {
            facts.add(new Notice.Field("平等割", tax.householdFactor() == 2 ? "特定世帯（医療分・支援金分の平等割を2分の1）"
                    : "特定継続世帯（医療分・支援金分の平等割を4分の3）"));
        }
        boolean anyCapped = tax.parts().stream().anyMatch(PartAssessment::capped);
        if (anyCapped) {
            facts.add(new Notice.Field("課税限度額", "※の区分は課税限度額を適用しています"));
        }
        facts.add(new Notice.Field("合計（100円未満切捨て前）", yen(tax.total()) + "円"));
        facts.add(new Notice.Field("年税額", yen(tax.annualTax()) + "円"));
        body.add(new Notice.Fields(facts));

        body.add(new Notice.Heading("3 被保険者"));
        List<List<String>> members = new ArrayList<>();
        for (InsuredPerson m : household.members()) {
            String income = kokuho.income(operator, fiscalYear, m.number()).map(i -> yen(i.totalIncome()) + "円").orElse("未申告");
            members.add(List.of(m.name(), m.relationship(), wareki(m.birthDate()), periods(m, start, end), income));
        }
        body.add(new Notice.Table("", List.of("氏名", "続柄", "生年月日", "資格（年度内）", "総所得金額等"),
                List.of(false, false, false, false, true), members, false));

        body.add(new Notice.Heading("4 各期の納付額"));
        List<List<String>> installments = new ArrayList<>();
        long sum = 0;
        for (Installment i : tax.installments()) {
            installments.add(List.of("第" + i.number() + "期", wareki(i.dueDate()), yen(i.amount()) + "円"));
            sum += i.amount();
        }
        installments.add(List.of("合計", "", yen(sum) + "円"));
        body.add(new Notice.Table("", List.of("期別", "納期限", "納付額"), List.of(false, false, true), installments, true));

        List<String> footnotes = List.of(
                "所得割額は、総所得金額等から基礎控除額を差し引いた額に税率を乗じて算定します。均等割額・平等割額は資格のあった月数に応じて月割で算定します。",
                "介護納付金分は、40歳以上65歳未満の被保険者（介護保険第2号被保険者）のある世帯に課税されます。",
                "この処分に不服がある場合は、この通知を受け取った日の翌日から起算して3か月以内に、町長に対して審査請求をすることができます。",
                "この処分の取消しの訴えは、審査請求に対する裁決を経た後でなければ提起することができません（地方税法第19条の12）。");
        return new Notice(TITLE, recipient, noticeDate, Optional.empty(), body, true, footnotes);
    }

    private static List<String> row(String label, TaxAssessment tax, java.util.function.ToLongFunction<PartAssessment> f,
            boolean minus) {
        List<String> r = new ArrayList<>(List.of(label));
        long sum = 0;
        for (Part p : Part.values()) {
            long v = f.applyAsLong(tax.part(p));
            sum += v;
            r.add(minus && v > 0 ? "△" + yen(v) : yen(v));
        }
        r.add(minus && sum > 0 ? "△" + yen(sum) : yen(sum));
        return r;
    }

    private static boolean insuredInYear(InsuredPerson p, LocalDate start, LocalDate end) {
        return p.qualifications().stream().anyMatch(q -> !q.acquiredOn().isAfter(end)
                && q.lostOn().map(l -> l.isAfter(start)).orElse(true));
    }

    /** The 資格 within the year: 取得日〜 and 喪失日, or 擬制世帯主 / 資格なし. */
    private static String periods(InsuredPerson p, LocalDate start, LocalDate end) {
        List<String> out = new ArrayList<>();
        for (Qualification q : p.qualifications()) {
            if (q.acquiredOn().isAfter(end) || q.lostOn().map(l -> !l.isAfter(start)).orElse(false)) {
                continue;
            }
            String from = q.acquiredOn().isBefore(start) ? "" : wareki(q.acquiredOn()) + "取得";
            String to = q.lostOn().filter(l -> !l.isAfter(end)).map(l -> wareki(l) + "喪失").orElse("");
            out.add(from.isEmpty() && to.isEmpty() ? "通年" : (from + (to.isEmpty() ? "" : (from.isEmpty() ? "" : "・") + to)));
        }
        if (out.isEmpty()) {
            return p.head() ? "擬制世帯主" : "資格なし";
        }
        return String.join("、", out);
    }

    static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
    }

    static String wareki(LocalDate day) {
        return WarekiDate.of(day).format();
    }

    /** 令和8年度 for 2026. */
    static String fiscalYearLabel(int fiscalYear) {
        String f = WarekiDate.of(LocalDate.of(fiscalYear, 4, 1)).format();
        return f.substring(0, f.indexOf('年')) + "年度";
    }

}
