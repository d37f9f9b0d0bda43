package jp.kiban.healthinsurance;

import java.io.Reader;
import java.io.Writer;
import java.util.List;

import jp.kiban.platform.Operator;

/**
 * The rates per fiscal year. Reading: business staff, supervisors, administrators. Changing: administrators
 * only (logged as a setting change). A year without stored rates reads as {@link KokuhoRates#defaults(int)}
 * with {@link #stored(Operator, int)} false.
 */
public interface KokuhoRateService {

    KokuhoRates rates(Operator operator, int fiscalYear);

    boolean stored(Operator operator, int fiscalYear);

    List<Integer> storedYears(Operator operator);

    void save(Operator operator, KokuhoRates rates);

    /** CSV {@code 年度,項目,値} with a header; every key of {@link KokuhoRates#KEYS} per year in the file. */
    List<KokuhoRates> importCsv(Operator operator, Reader csv);

    /** The stored years (or the given ones) in the layout of {@link #importCsv}. */
    void exportCsv(Operator operator, List<Integer> years, Writer out);
}
