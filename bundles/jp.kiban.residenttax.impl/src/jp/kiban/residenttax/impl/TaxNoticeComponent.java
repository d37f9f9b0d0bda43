package jp.kiban.residenttax.impl;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.Notice;
import jp.kiban.forms.NoticeWriter;
import jp.kiban.platform.Operator;
import jp.kiban.residenttax.Exemption;
import jp.kiban.residenttax.Installment;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxException;
import jp.kiban.residenttax.ResidentTaxNotices;
import jp.kiban.residenttax.TaxComputation;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.residenttax.TaxpayerKind;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/**
 * 個人住民税 納税通知書 (普通徴収, 地方税法第319条の2): the taxpayer's {@link TaxComputation} laid out as a {@link Notice}
 * for the forms' {@link NoticeWriter}. What was printed goes to the access log.
 */
@Component(service = ResidentTaxNotices.class)
public class TaxNoticeComponent implements ResidentTaxNotices {
    static final String TITLE = "個人住民税（市町村民税・道府県民税）納税通知書";

    @Reference
    private ResidentTax tax;
    @Reference
    private NoticeWriter writer;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    @Override
    public byte[] taxNotice(Operator operator, int taxYear, AddresseeNumber person, LocalDate noticeDate) {
        Guard.staff(authorisation, operator, "juminzei.notice");
        Built b = build(operator, taxYear, person, noticeDate);
        byte[] pdf = writer.write(b.notice());
        accessLog.record(AccessEvent.of(operator, AccessKind.PRINT, "juminzei.notice", List.of(person.value()), false,
                "FY" + taxYear + " " + b.annualTax()));
        return pdf;
    }

    @Override
    public byte[] taxNotices(Operator operator, int taxYear, List<AddresseeNumber> persons, LocalDate noticeDate) {
        Guard.staff(authorisation, operator, "juminzei.notice");
        List<Notice> notices = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        for (AddresseeNumber p : persons) {
            Built b = build(operator, taxYear, p, noticeDate);
            if (b.annualTax() > 0) {
                notices.add(b.notice());
                printed.add(p.value());
            }
        }
        if (notices.isEmpty()) {
            throw new ResidentTaxException("notice.none", taxYear);
        }
        byte[] pdf = writer.writeAll(notices);
        accessLog.record(AccessEvent.of(operator, AccessKind.PRINT, "juminzei.notice", printed, false,
                "FY" + taxYear + " " + notices.size() + " taxpayers"));
        return pdf;
    }

    private record Built(Notice notice, long annualTax) {
    }

    private Built build(Operator operator, int taxYear, AddresseeNumber person, LocalDate noticeDate) {
        Taxpayer t = tax.taxpayer(operator, taxYear, person)
                .orElseThrow(() -> new ResidentTaxException("taxpayer.unknown", person.value(), taxYear));
        TaxComputation c = tax.assess(operator, taxYear, person);
        Notice.Recipient recipient = new Notice.Recipient(t.postalCode(),
                List.of(t.address().isBlank() ? "（住所不明）" : t.address()), t.name(), "宛名番号 " + person.value());
        return new Built(notice(t, c, noticeDate, recipient), c.annualTax());
    }

    /** The notice itself, from what the services returned (no I/O). */
    static Notice notice(Taxpayer t, TaxComputation c, LocalDate noticeDate, Notice.Recipient recipient) {
        String year = taxYearLabel(c.taxYear());
        String incomeYear = wareki(LocalDate.of(c.taxYear() - 1, 1, 1)).replaceAll("1月1日$", "");
        List<Notice.Block> body = new ArrayList<>();
        body.add(new Notice.Paragraph(year + "の個人住民税（市町村民税・道府県民税）及び森林環境税の税額を、" + incomeYear + "中の所得"
                + (c.declared() ? "" : "（申告がないため、所得なしとしています）") + "をもとに次のとおり決定しましたので、"
                + "地方税法第319条の2及び町税条例の規定により通知します。各期の納期限までに納めてください。"));

        // what is owed first (page 1), the income and deductions after
        body.add(new Notice.Heading("1 納税義務者"));
        body.add(new Notice.Fields(List.of(new Notice.Field("宛名番号", t.person().value()),
                new Notice.Field("課税区分", t.kind().label() + "（賦課期日 " + wareki(LocalDate.of(c.taxYear(), 1, 1)) + "）"
                        + (c.exemption() == Exemption.NONE ? "" : "　" + c.exemption().label())))));

        body.add(new Notice.Heading("2 税額（円）"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("所得割額（税率 6% ／ 4%）", yen(c.municipalGrossIncomeLevy()), yen(c.prefecturalGrossIncomeLevy()),
                yen(c.municipalGrossIncomeLevy() + c.prefecturalGrossIncomeLevy())));
        rows.add(List.of("調整控除額", minus(c.municipalAdjustment()), minus(c.prefecturalAdjustment()),
                minus(c.municipalAdjustment() + c.prefecturalAdjustment())));
        rows.add(List.of("所得割額（100円未満切捨て）", yen(c.municipalIncomeLevy()), yen(c.prefecturalIncomeLevy()),
                yen(c.incomeLevy())));
        rows.add(List.of("均等割額", yen(c.municipalPerCapita()), yen(c.prefecturalPerCapita()), yen(c.perCapita())));
        rows.add(List.of("計", yen(c.municipalTax()), yen(c.prefecturalTax()), yen(c.municipalTax() + c.prefecturalTax())));
        rows.add(List.of("森林環境税（国税）", "", "", yen(c.forestTax())));
        rows.add(List.of("年税額", "", "", yen(c.annualTax())));
        body.add(new Notice.Table("", List.of("区分", "市町村民税", "道府県民税", "計"), List.of(false, true, true, true),
                rows, true));

        body.add(new Notice.Heading("3 各期の納付額"));
        List<List<String>> installments = new ArrayList<>();
        long sum = 0;
        for (Installment i : c.installments()) {
            installments.add(List.of("第" + i.number() + "期", wareki(i.dueDate()), yen(i.amount()) + "円"));
            sum += i.amount();
        }
        installments.add(List.of("合計", "", yen(sum) + "円"));
        body.add(new Notice.Table("", List.of("期別", "納期限", "納付額"), List.of(false, false, true), installments, true));

        body.add(new Notice.Heading("4 所得と所得控除（" + incomeYear + "中）"));
        if (c.kind() != TaxpayerKind.PREMISES) {
            List<List<String>> income = new ArrayList<>();
            income.add(List.of("給与所得", yen(c.salaryIncome())));
            if (c.totalIncome() != c.salaryIncome()) {
                income.add(List.of("その他の所得", yen(c.totalIncome() - c.salaryIncome())));
            }
            income.add(List.of("合計所得金額", yen(c.totalIncome())));
            for (TaxComputation.Deduction d : c.deductions()) {
                if (d.amount() > 0) {
                    income.add(List.of(d.name(), "△" + yen(d.amount())));
                }
            }
            income.add(List.of("所得控除の合計", "△" + yen(c.totalDeductions())));
            income.add(List.of("課税総所得金額（1,000円未満切捨て）", yen(c.taxableIncome())));
            body.add(new Notice.Table("", List.of("区分", "金額（円）"), List.of(false, true), income, true));
        } else {
            body.add(new Notice.Paragraph("家屋敷課税のため、所得割は課税されません（地方税法第294条第1項第2号）。"));
        }

        List<String> footnotes = List.of(
                "税額は、前年中の所得をもとに、賦課期日（1月1日）に住所のあった市町村で課税されます。所得割は課税総所得金額に税率を乗じ、調整控除額を差し引いて算定します。"
                        + "森林環境税（年額1,000円）は国税で、個人住民税の均等割と併せて納めていただきます。",
                "各期の納付額の1,000円未満の端数は第1期に加算しています（地方税法第20条の4の2第6項）。",
                "この処分に不服がある場合は、この通知を受け取った日の翌日から起算して3か月以内に、町長に対して審査請求をすることができます。",
                "この処分の取消しの訴えは、審査請求に対する裁決を経た後でなければ提起することができません（地方税法第19条の12）。");
        return new Notice(year + " " + TITLE, recipient, noticeDate, Optional.empty(), body, true, footnotes);
    }

    private static String minus(long v) {
        return v > 0 ? "△" + yen(v) : yen(v);
    }

    static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
    }

    static String wareki(LocalDate day) {
        return WarekiDate.of(day).format();
    }

    /** 令和8年度 for 2026. */
    static String taxYearLabel(int taxYear) {
        String f = WarekiDate.of(LocalDate.of(taxYear, 4, 1)).format();
        return f.substring(0, f.indexOf('年')) + "年度";
    }
}
