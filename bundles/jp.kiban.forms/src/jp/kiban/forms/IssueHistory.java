package jp.kiban.forms;

import java.time.LocalDate;
import java.util.List;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 交付履歴照会 (標準仕様書 2.2.2): every certificate issued or refused, newest first. Each issued form is
 * recorded in the transaction that takes its 発行番号; a refused attempt in a transaction of its own.
 */
public interface IssueHistory {

    /**
     * Lines about a person (as the person asked for or as a member on the form) and/or in a period.
     *
     * @param person empty = everybody
     * @param from   first day (inclusive), or null
     * @param to     last day (inclusive), or null
     */
    List<IssueRecord> find(Operator operator, java.util.Optional<AddresseeNumber> person, LocalDate from, LocalDate to);

    /**
     * 処分: records that the issued certificate with this 発行番号 was issued by mistake and destroyed. The line
     * stays; refused for an unknown number, a refused attempt, a line already disposed of, or without a note.
     */
    void dispose(Operator operator, String issueNumber, String note);
}
