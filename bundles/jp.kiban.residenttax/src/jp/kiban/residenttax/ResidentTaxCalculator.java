package jp.kiban.residenttax;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 個人住民税 of one taxpayer (plain Java, no I/O). In order:
 * <ol>
 * <li><b>給与所得</b>: 給与の収入金額 − 給与所得控除 (所得税法第28条; below 660万円 by 別表第五, i.e. the formula on the
 * revenue rounded down to 4,000円); 地方税法第32条第2項・第313条第2項 take the 所得 as for 所得税.</li>
 * <li><b>合計所得金額</b> = 給与所得 + other income (総所得金額等 here: no separate taxation, no losses carried).</li>
 * <li><b>所得控除</b> (第314条の2): 社会保険料 (全額), 障害者 26万, 寡婦 26万, ひとり親 30万 (both only with 合計所得金額
 * 500万円以下), 配偶者 33万/老人38万 (納税義務者の合計所得金額 900万円以下; 22万/26万 to 950万, 11万/13万 to 1,000万),
 * 扶養 一般33万/特定45万/老人38万/同居老親45万, 基礎 43万 (合計所得金額 2,400万円以下; 29万 to 2,450万, 15万 to 2,500万,
 * none above).</li>
 * <li><b>課税総所得金額</b>: 合計所得金額 − 所得控除, 1,000円未満切捨て (第20条の4の2第1項).</li>
 * <li><b>非課税</b>: 生活扶助 (第295条第1項第1号); 障害者・未成年者・寡婦・ひとり親 with 合計所得金額 135万円以下
 * (同第2号; 未成年者 = under 18 on 1 January, 民法第4条); 均等割 by the town's limit 35万円×級地率×(1+人数)+10万円
 * (+21万円×級地率 with a 同一生計配偶者 or 扶養親族) (第295条第3項, 施行令第47条の3); 所得割 by 35万円×(1+人数)+10万円
 * (+32万円 with any) (附則第3条の3). 家屋敷課税 pays 均等割 only (第294条第1項第2号).</li>
 * <li><b>所得割</b>: 市町村民税 6% and 道府県民税 4% of the 課税総所得金額 (第314条の3, 第35条) minus the 調整控除
 * (第314条の6, 第37条: 3% and 2% of the smaller of the 人的控除額の差 and the 課税総所得金額 when that is 200万円 or less,
 * else of the 人的控除額の差 − (課税総所得金額 − 200万円), at least 5万円; none above 合計所得金額 2,500万円), each
 * 100円未満切捨て (第20条の4の2第3項).</li>
 * <li><b>均等割</b> 3,000円 + 1,000円 and <b>森林環境税</b> 1,000円 (see {@link TaxRules}).</li>
 * <li><b>期別</b>: 普通徴収 in June, August, October and January (第320条), each 期 in whole 1,000円 and the
 * remainder in the first (第20条の4の2第6項); 納期限 the month's last day, moved past a Saturday or Sunday
 * (第20条の5第2項; none of those four days is a national holiday).</li>
 * </ol>
 * Not covered (documented in the bundle README): 配偶者特別控除, 特定親族特別控除, 医療費・生命保険料等の控除,
 * 所得金額調整控除, 配当控除・住宅ローン控除・寄附金税額控除, 分離課税, 特別徴収, the 所得割 非課税 減額措置 near the limit.
 */
public final class ResidentTaxCalculator {
    /** 障害者・未成年者・寡婦・ひとり親 非課税 (第295条第1項第2号). */
    public static final long SPECIAL_PERSON_LIMIT = 1_350_000;
    /** 所得割 非課税 limit: per person, base, and supplement with dependants (附則第3条の3). */
    public static final long INCOME_LEVY_LIMIT_PER_PERSON = 350_000;
    public static final long LIMIT_BASE = 100_000;
    public static final long INCOME_LEVY_LIMIT_SUPPLEMENT = 320_000;
    /** 調整控除 threshold (第314条の6). */
    static final long ADJUSTMENT_THRESHOLD = 2_000_000;

    private ResidentTaxCalculator() {
    }

    /**
     * @param income empty when nothing was declared (computed as no income, {@link TaxComputation#declared()} false)
     */
    public static TaxComputation compute(Taxpayer taxpayer, Optional<IncomeDeclaration> income, TaxRules rules) {
        IncomeDeclaration in = income.orElseGet(() -> IncomeDeclaration.none(rules.taxYear(), taxpayer.person()));
        long salaryIncome = salaryIncome(in.salaryRevenue(), rules);
        long total = salaryIncome + in.otherIncome();

        // 所得控除 (第314条の2)
        List<TaxComputation.Deduction> deductions = new ArrayList<>();
        deductions.add(new TaxComputation.Deduction("社会保険料控除", in.socialInsurance()));
        if (in.disabled()) {
            deductions.add(new TaxComputation.Deduction("障害者控除", 260_000));
        }
        boolean singleAllowed = total <= 5_000_000;
        if (in.single() == SingleStatus.WIDOW && singleAllowed) {
            deductions.add(new TaxComputation.Deduction("寡婦控除", 260_000));
        } else if (in.single() == SingleStatus.SINGLE_PARENT && singleAllowed) {
            deductions.add(new TaxComputation.Deduction("ひとり親控除", 300_000));
        }
        long spouse = spouseDeduction(in.spouse(), total);
        if (spouse > 0) {
            deductions.add(new TaxComputation.Deduction(in.spouse() == Spouse.ELDERLY ? "配偶者控除（老人）" : "配偶者控除", spouse));
        }
        long dependants = 330_000L * in.dependentsGeneral() + 450_000L * in.dependentsSpecific()
                + 380_000L * in.dependentsElderly() + 450_000L * in.dependentsElderlyCohabiting();
        if (dependants > 0) {
            deductions.add(new TaxComputation.Deduction("扶養控除", dependants));
        }
        long basic = basicDeduction(total);
        deductions.add(new TaxComputation.Deduction("基礎控除", basic));
        long totalDeductions = deductions.stream().mapToLong(TaxComputation.Deduction::amount).sum();
        long taxable = Math.max(0, total - totalDeductions) / 1_000 * 1_000;

        // 非課税 (第295条, 附則第3条の3)
        int supported = in.supportedPersons();
        long perCapitaLimit = rules.perCapitaLimitPerPerson() * (1 + supported) + LIMIT_BASE
                + (supported > 0 ? rules.perCapitaLimitSupplement() : 0);
        long incomeLevyLimit = INCOME_LEVY_LIMIT_PER_PERSON * (1 + supported) + LIMIT_BASE
                + (supported > 0 ? INCOME_LEVY_LIMIT_SUPPLEMENT : 0);
        boolean minor = taxpayer.birthDate().map(b -> isMinorOn(b, LocalDate.of(rules.taxYear(), 1, 1))).orElse(false);
        boolean special = in.disabled() || minor || in.single() != SingleStatus.NONE;
        Exemption exemption;
        if (in.publicAssistance()) {
            exemption = Exemption.PUBLIC_ASSISTANCE;
        } else if (taxpayer.kind() == TaxpayerKind.PREMISES) {
            exemption = Exemption.PREMISES_ONLY;
        } else if (special && total <= SPECIAL_PERSON_LIMIT) {
            exemption = Exemption.SPECIAL_PERSON;
        } else if (total <= perCapitaLimit) {
            exemption = Exemption.PER_CAPITA_LIMIT;
        } else if (total <= incomeLevyLimit) {
            exemption = Exemption.INCOME_LEVY_LIMIT;
        } else {
            exemption = Exemption.NONE;
        }

        // 所得割 with 調整控除 (第314条の3, 第35条, 第314条の6, 第37条)
        long difference = personalDifference(in, total, taxpayer.female().orElse(true));
        long municipalGross = 0;
        long prefecturalGross = 0;
        long municipalAdj = 0;
        long prefecturalAdj = 0;
        long municipalLevy = 0;
        long prefecturalLevy = 0;
        if (!exemption.noIncomeLevy()) {
            municipalGross = taxable * rules.municipalRatePercent() / 100;
            prefecturalGross = taxable * rules.prefecturalRatePercent() / 100;
            long adjustmentBase = adjustmentBase(difference, taxable, total);
            municipalAdj = Math.min(municipalGross, adjustmentBase * 3 / 100);
            prefecturalAdj = Math.min(prefecturalGross, adjustmentBase * 2 / 100);
            municipalLevy = (municipalGross - municipalAdj) / 100 * 100;
            prefecturalLevy = (prefecturalGross - prefecturalAdj) / 100 * 100;
        }
        long municipalPerCapita = exemption.noPerCapita() ? 0 : rules.municipalPerCapita();
        long prefecturalPerCapita = exemption.noPerCapita() ? 0 : rules.prefecturalPerCapita();
        long forest = exemption.noPerCapita() || taxpayer.kind() == TaxpayerKind.PREMISES ? 0 : rules.forestTax();
        long annual = municipalLevy + prefecturalLevy + municipalPerCapita + prefecturalPerCapita + forest;
        return new TaxComputation(rules.taxYear(), taxpayer.person(), taxpayer.kind(), income.isPresent(),
                salaryIncome, total, deductions, totalDeductions, taxable, exemption, supported, perCapitaLimit,
                incomeLevyLimit, difference, municipalGross, prefecturalGross, municipalAdj, prefecturalAdj,
                municipalLevy, prefecturalLevy, municipalPerCapita, prefecturalPerCapita, forest, annual,
                installments(annual, rules.taxYear()));
    }

    /**
     * 給与所得 (所得税法第28条, 別表第五). Up to the income of 2024 the 給与所得控除 is at least 55万円 and, below
     * 1,628,000円, the table rounds to its 1,000/2,000/4,000円 rows; from the income of 2025 at least 65万円 up to
     * 1,900,000円. From there to 6,599,999円 the revenue is rounded down to 4,000円 before the formula.
     */
    public static long salaryIncome(long revenue, TaxRules rules) {
        long minimum = rules.minimumSalaryDeduction();
        if (revenue <= minimum) {
            return 0;
        }
        if (minimum == 650_000) {
            if (revenue < 1_900_000) {
                return revenue - minimum;
            }
        } else {
            if (revenue < 1_619_000) {
                return revenue - minimum;
            }
            if (revenue < 1_628_000) { // 別表第五 rows 1,619,000 / 1,620,000 / 1,622,000 / 1,624,000
                long row = revenue < 1_620_000 ? 1_619_000 : revenue < 1_622_000 ? 1_620_000
                        : revenue < 1_624_000 ? 1_622_000 : 1_624_000;
                return row - minimum;
            }
        }
        if (revenue < 6_600_000) {
            long a = revenue / 4_000 * 4_000;
            if (a <= 1_800_000) {
                return a * 60 / 100 + 100_000;
            }
            if (a <= 3_600_000) {
                return a * 70 / 100 - 80_000;
            }
            return a * 80 / 100 - 440_000;
        }
        if (revenue <= 8_500_000) {
            return revenue * 90 / 100 - 1_100_000;
        }
        return revenue - 1_950_000;
    }

    /** 基礎控除 (第314条の2第2項). */
    public static long basicDeduction(long totalIncome) {
        if (totalIncome <= 24_000_000) {
            return 430_000;
        }
        if (totalIncome <= 24_500_000) {
            return 290_000;
        }
        if (totalIncome <= 25_000_000) {
            return 150_000;
        }
        return 0;
    }

    /** 配偶者控除 by the taxpayer's 合計所得金額 (第314条の2第1項第10号, 第3項). */
    public static long spouseDeduction(Spouse spouse, long totalIncome) {
        if (spouse == Spouse.NONE || totalIncome > 10_000_000) {
            return 0;
        }
        boolean elderly = spouse == Spouse.ELDERLY;
        if (totalIncome <= 9_000_000) {
            return elderly ? 380_000 : 330_000;
        }
        if (totalIncome <= 9_500_000) {
            return elderly ? 260_000 : 220_000;
        }
        return elderly ? 130_000 : 110_000;
    }

    /** 人的控除額の差の合計 (第314条の6第1号イ, 別表). */
    static long personalDifference(IncomeDeclaration in, long total, boolean female) {
        if (total > 25_000_000) {
            return 0;
        }
        long d = 50_000; // 基礎控除
        if (in.spouse() != Spouse.NONE && total <= 10_000_000) {
            boolean elderly = in.spouse() == Spouse.ELDERLY;
            d += total <= 9_000_000 ? (elderly ? 100_000 : 50_000)
                    : total <= 9_500_000 ? (elderly ? 60_000 : 40_000) : (elderly ? 30_000 : 20_000);
        }
        d += 50_000L * in.dependentsGeneral() + 180_000L * in.dependentsSpecific() + 100_000L * in.dependentsElderly()
                + 130_000L * in.dependentsElderlyCohabiting();
        if (in.disabled()) {
            d += 10_000;
        }
        if (total <= 5_000_000) {
            if (in.single() == SingleStatus.WIDOW) {
                d += 10_000;
            } else if (in.single() == SingleStatus.SINGLE_PARENT) {
                d += female ? 50_000 : 10_000;
            }
        }
        return d;
    }

    /** The amount whose 3% / 2% is the 調整控除 (第314条の6). */
    static long adjustmentBase(long difference, long taxable, long total) {
        if (total > 25_000_000 || taxable <= 0) {
            return 0;
        }
        if (taxable <= ADJUSTMENT_THRESHOLD) {
            return Math.min(difference, taxable);
        }
        return Math.max(difference - (taxable - ADJUSTMENT_THRESHOLD), 50_000);
    }

    /**
     * Under 18 on the day (民法第4条); one reaches an age at the end of the day before the birthday
     * (年齢計算ニ関スル法律), so a person born on 2 January is 18 on the 1 January eighteen years later.
     */
    public static boolean isMinorOn(LocalDate birth, LocalDate day) {
        return birth.plusYears(18).minusDays(1).isAfter(day);
    }

    /** 普通徴収 in four 期 (第320条): whole 1,000円 each, the remainder in the first (第20条の4の2第6項). */
    public static List<Installment> installments(long annual, int taxYear) {
        if (annual <= 0) {
            return List.of();
        }
        long each = annual / 4 / 1_000 * 1_000;
        long first = annual - 3 * each;
        YearMonth[] months = { YearMonth.of(taxYear, 6), YearMonth.of(taxYear, 8), YearMonth.of(taxYear, 10),
                YearMonth.of(taxYear + 1, 1) };
        List<Installment> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(new Installment(i + 1, dueDate(months[i]), i == 0 ? first : each));
        }
        return out;
    }

    /** The last day of the month, moved past a Saturday or Sunday (第20条の5第2項). */
    public static LocalDate dueDate(YearMonth month) {
        LocalDate d = month.atEndOfMonth();
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
