package jp.kiban.childallowance;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The allowance of one recipient for one month: a line per child and the total (手当月額). */
public record MonthlyAmount(YearMonth month, List<ChildLine> lines, long total) {
    public MonthlyAmount {
        lines = List.copyOf(lines);
    }

    public Optional<ChildLine> line(String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** How many children are paid for (支給対象児童数). */
    public long paidChildren() {
        return lines.stream().filter(l -> l.amount() > 0).count();
    }

    public static MonthlyAmount none(YearMonth month) {
        return new MonthlyAmount(month, List.of(), 0);
    }
}
