package jp.kiban.residenttax;

import java.time.LocalDate;

/** One 期 of 普通徴収: its number (1…4), 納期限 and amount (円). */
public record Installment(int number, LocalDate dueDate, long amount) {
}
