package jp.kiban.healthinsurance.impl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jp.kiban.core.csv.Csv;
import jp.kiban.healthinsurance.KokuhoException;
import jp.kiban.healthinsurance.KokuhoRateService;
import jp.kiban.healthinsurance.KokuhoRates;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.AccessEvent;
import jp.kiban.security.AccessKind;
import jp.kiban.security.AccessLog;
import jp.kiban.security.Authorisation;

/** The rates per fiscal year in kokuho_rate (one row per setting). */
@Component(service = KokuhoRateService.class)
public class RateComponent implements KokuhoRateService {
    @Reference
    private Transactions tx;
    @Reference
    private Authorisation authorisation;
    @Reference
    private AccessLog accessLog;

    @Override
    public KokuhoRates rates(Operator operator, int fiscalYear) {
        Guard.staff(authorisation, operator, "kokuho.rates");
        return tx.readOnly(em -> read(em, fiscalYear));
    }

    static KokuhoRates read(EntityManager em, int fiscalYear) {
        List<RateEntity> rows = rows(em, fiscalYear);
        if (rows.isEmpty()) {
            return KokuhoRates.defaults(fiscalYear);
        }
        Map<String, String> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.key, r.value));
        return KokuhoRates.fromSettings(fiscalYear, m);
    }

    private static List<RateEntity> rows(EntityManager em, int fiscalYear) {
        return em.createQuery("SELECT r FROM KokuhoRate r WHERE r.fiscalYear = :y", RateEntity.class)
                .setParameter("y", fiscalYear).getResultList();
    }

    @Override
    public boolean stored(Operator operator, int fiscalYear) {
        Guard.staff(authorisation, operator, "kokuho.rates");
        return tx.readOnly(em -> !rows(em, fiscalYear).isEmpty());
    }

    @Override
    public List<Integer> storedYears(Operator operator) {
        Guard.staff(authorisation, operator, "kokuho.rates");
        return tx.readOnly(em -> em.createQuery("SELECT DISTINCT r.fiscalYear FROM KokuhoRate r ORDER BY r.fiscalYear",
                Integer.class).getResultList());
    }

    @Override
    public void save(Operator operator, KokuhoRates rates) {
        authorisation.require(operator, Permission.ADMINISTER, "kokuho.rates.save");
        tx.requiredRun(em -> write(em, rates, operator.id()));
        accessLog.record(AccessEvent.of(operator, AccessKind.SETTING, "kokuho.rates.save", "FY" + rates.fiscalYear()));
    }

    private static void write(EntityManager em, KokuhoRates rates, String by) {
        for (RateEntity old : rows(em, rates.fiscalYear())) {
            em.remove(old);
        }
        em.flush();
        Instant now = Instant.now();
        for (Map.Entry<String, String> e : rates.toSettings().entrySet()) {
            RateEntity r = new RateEntity();
            r.id = rates.fiscalYear() + ":" + e.getKey();
            r.fiscalYear = rates.fiscalYear();
            r.key = e.getKey();
            r.value = e.getValue();
            r.updatedBy = by;
            r.updatedAt = now;
            em.persist(r);
        }
    }

    @Override
    public List<KokuhoRates> importCsv(Operator operator, Reader csv) {
        authorisation.require(operator, Permission.ADMINISTER, "kokuho.rates.import");
        String text;
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            for (int n = csv.read(buf); n >= 0; n = csv.read(buf)) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Csv.Parsed parsed = Csv.parse(text);
        if (!parsed.problems().isEmpty()) {
            throw new KokuhoException("income.csvMalformed", "line " + parsed.problems().get(0).line());
        }
        List<Csv.Row> rows = parsed.rows();
        if (rows.isEmpty() || !rows.get(0).fields().get(0).strip().equalsIgnoreCase("fiscal_year")) {
            throw new KokuhoException("rates.csvHeader");
        }
        Map<Integer, Map<String, String>> years = new TreeMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue;
            }
            if (f.size() != 3) {
                throw new KokuhoException("income.csvColumns", f.size());
            }
            int year;
            try {
                year = Integer.parseInt(f.get(0).strip());
            } catch (NumberFormatException e) {
                throw new KokuhoException("rates.invalid", "fiscal_year", f.get(0));
            }
            years.computeIfAbsent(year, y -> new LinkedHashMap<>()).put(f.get(1).strip(), f.get(2).strip());
        }
        List<KokuhoRates> all = new ArrayList<>();
        years.forEach((y, m) -> all.add(KokuhoRates.fromSettings(y, m)));
        tx.requiredRun(em -> all.forEach(r -> write(em, r, operator.id())));
        accessLog.record(AccessEvent.of(operator, AccessKind.SETTING, "kokuho.rates.import", "years " + years.keySet()));
        return all;
    }

    @Override
    public void exportCsv(Operator operator, List<Integer> years, Writer out) {
        Guard.staff(authorisation, operator, "kokuho.rates.export");
        List<Integer> which = years == null || years.isEmpty() ? storedYears(operator) : years;
        try {
            out.write(Csv.format(List.of("fiscal_year", "key", "value")) + "\n");
            for (int y : which) {
                KokuhoRates r = rates(operator, y);
                for (Map.Entry<String, String> e : r.toSettings().entrySet()) {
                    out.write(Csv.format(List.of(Integer.toString(y), e.getKey(), e.getValue())) + "\n");
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accessLog.record(AccessEvent.of(operator, AccessKind.EXPORT, "kokuho.rates.export", "years " + which));
    }
}
