package jp.kiban.addressee.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.addressee.AddresseeException;
import jp.kiban.addressee.TownDictionary;
import jp.kiban.addressee.TownEntry;
import jp.kiban.addressee.TownImportMode;
import jp.kiban.addressee.TownImportResult;
import jp.kiban.addressee.impl.csv.TownCsvFile;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;

/** The 住所辞書 in addressee_town; CSV through {@link TownCsvFile}. */
@Component(service = TownDictionary.class)
public class TownDictionaryComponent implements TownDictionary {

    private static final Logger LOG = Logger.getLogger(TownDictionaryComponent.class.getName());

    @Reference
    private Transactions tx;

    @Override
    public List<TownEntry> complete(String typed, int limit) {
        if (limit < 1 || limit > MAX_COMPLETIONS) {
            throw new AddresseeException("search.limit", MAX_COMPLETIONS);
        }
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            return List.of();
        }
        String kana;
        try {
            kana = TownEntry.readingKey(name);
        } catch (jp.kiban.core.DomainException notKana) {
            kana = null; // e.g. kanji typed: match the name only
        }
        String namePattern = escape(name) + "%";
        String kanaPattern = kana == null ? namePattern : escape(kana) + "%";
        return tx.readOnly(em -> em.createQuery("select t from AddresseeTown t"
                + " where t.name like :name escape '!' or t.kana like :kana escape '!' order by t.kana, t.code",
                TownEntity.class)
                .setParameter("name", namePattern).setParameter("kana", kanaPattern)
                .setMaxResults(limit).getResultList().stream().map(TownEntity::toEntry).toList());
    }

    @Override
    public Optional<TownEntry> find(String code) {
        String c = TownEntry.checkCode(code);
        return tx.readOnly(em -> Optional.ofNullable(em.find(TownEntity.class, c)).map(TownEntity::toEntry));
    }

    @Override
    public List<TownEntry> all() {
        return tx.readOnly(em -> em.createQuery("select t from AddresseeTown t order by t.code", TownEntity.class)
                .getResultList().stream().map(TownEntity::toEntry).toList());
    }

    @Override
    public TownImportResult importCsv(Operator operator, InputStream csv, TownImportMode mode) throws IOException {
        String who = Operators.id(operator);
        if (!operator.may(Permission.ADMINISTER)) {
            throw new AddresseeException("permission.administer");
        }
        TownCsvFile.Result file = TownCsvFile.read(csv.readAllBytes());
        if (!file.ok()) {
            LOG.info(() -> "Town dictionary import refused: " + file.problems().size() + " problem(s), nothing imported");
            return TownImportResult.refused(file.problems());
        }
        TownImportResult result = tx.required(em -> {
            Instant now = Instant.now();
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            int removed = 0;
            Set<String> inFile = new HashSet<>();
            for (TownCsvFile.Line line : file.lines()) {
                TownEntry entry = line.entry();
                inFile.add(entry.code());
                TownEntity e = em.find(TownEntity.class, entry.code());
                if (e == null) {
                    e = new TownEntity(entry.code());
                    e.set(entry, who, now);
                    em.persist(e);
                    added++;
                } else if (e.toEntry().equals(entry)) {
                    unchanged++;
                } else {
                    e.set(entry, who, now);
                    updated++;
                }
            }
            if (mode == TownImportMode.REPLACE) {
                for (TownEntity e : em.createQuery("select t from AddresseeTown t", TownEntity.class).getResultList()) {
                    if (!inFile.contains(e.toEntry().code())) {
                        em.remove(e);
                        removed++;
                    }
                }
            }
            return new TownImportResult(List.of(), added, updated, unchanged, removed);
        });
        LOG.info(() -> "Town dictionary imported (" + mode + "): " + result.added() + " added, " + result.updated()
                + " updated, " + result.unchanged() + " unchanged, " + result.removed() + " removed");
        return result;
    }

    @Override
    public void exportCsv(OutputStream out) throws IOException {
        out.write(TownCsvFile.write(all()));
        out.flush();
    }

    /** LIKE pattern text with '!' as the escape character. */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
