package jp.kiban.childallowance;

import java.time.YearMonth;
import java.util.List;

/**
 * One payment (支払期): paid in {@code payMonth}, an even month, for the two months before it.
 *
 * @param months  the months paid for, with their amounts
 */
public record Payment(YearMonth payMonth, List<MonthlyAmount> months, long amount) {
    public Payment {
        months = List.copyOf(months);
    }
}
