package jp.kiban.healthinsurance;

import java.time.LocalDate;

/** One 期別 amount: 第{@code number}期, due on {@code dueDate} (納期限). */
public record Installment(int number, LocalDate dueDate, long amount) {
}
