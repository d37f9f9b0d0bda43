package jp.kiban.characters.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jp.kiban.characters.CharacterException;
import jp.kiban.characters.CharacterRepertoire;
import jp.kiban.characters.GaijiApplied;
import jp.kiban.characters.GaijiImportResult;
import jp.kiban.characters.GaijiMapping;
import jp.kiban.characters.GaijiTable;
import jp.kiban.core.csv.Csv;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;

/** The 外字 table in characters_gaiji; CSV through {@link GaijiCsv}. */
@Component(service = GaijiTable.class)
public class GaijiTableComponent implements GaijiTable {

    private static final Logger LOG = Logger.getLogger(GaijiTableComponent.class.getName());

    @Reference
    private Transactions tx;
    @Reference
    private CharacterRepertoire repertoire;

    /** For DS. */
    public GaijiTableComponent() {
    }

    /** Outside DS (tests on a second database engine). */
    public static GaijiTableComponent create(Transactions tx, CharacterRepertoire repertoire) {
        GaijiTableComponent c = new GaijiTableComponent();
        c.tx = tx;
        c.repertoire = repertoire;
        return c;
    }

    @Override
    public List<GaijiMapping> all() {
        return tx.readOnly(em -> em.createQuery("select g from CharactersGaiji g order by g.legacyCodePoint",
                GaijiEntity.class).getResultList().stream().map(GaijiEntity::toMapping).toList());
    }

    @Override
    public Optional<GaijiMapping> find(int legacyCodePoint) {
        return tx.readOnly(em -> Optional.ofNullable(em.find(GaijiEntity.class, legacyCodePoint))
                .map(GaijiEntity::toMapping));
    }

    @Override
    public GaijiImportResult importCsv(Operator operator, InputStream csv, boolean replace) throws IOException {
        if (!operator.may(Permission.ADMINISTER)) {
            throw new CharacterException("permission.administer");
        }
        String text;
        try {
            text = Csv.decodeUtf8(csv.readAllBytes());
        } catch (Csv.NotUtf8Exception e) {
            return GaijiImportResult.refused(List.of("line " + e.line()
                    + ": the file is not UTF-8 (Shift_JIS?); save it as UTF-8 and try again"));
        }
        GaijiCsv.Read read = GaijiCsv.read(text, repertoire);
        if (!read.problems().isEmpty()) {
            return GaijiImportResult.refused(read.problems());
        }
        Instant now = Instant.now();
        GaijiImportResult result = tx.required(em -> store(em, read.mappings(), replace, operator.id(), now));
        LOG.info(String.format("外字 table imported by %s: %d added, %d updated, %d unchanged, %d removed", operator.id(),
                result.added(), result.updated(), result.unchanged(), result.removed()));
        return result;
    }

    private GaijiImportResult store(EntityManager em, List<GaijiMapping> mappings, boolean replace, String operator,
            Instant now) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
        Set<Integer> inFile = new java.util.HashSet<>();
        for (GaijiMapping m : mappings) {
            inFile.add(m.legacyCodePoint());
            GaijiEntity e = em.find(GaijiEntity.class, m.legacyCodePoint());
            if (e == null) {
                e = new GaijiEntity(m.legacyCodePoint());
                e.set(m, operator, now);
                em.persist(e);
                added++;
            } else if (e.sameAs(m)) {
                unchanged++;
            } else {
                e.set(m, operator, now);
                updated++;
            }
        }
        if (replace) {
            for (GaijiEntity e : em.createQuery("select g from CharactersGaiji g", GaijiEntity.class).getResultList()) {
                if (!inFile.contains(e.toMapping().legacyCodePoint())) {
                    em.remove(e);
                    removed++;
                }
            }
        }
        return new GaijiImportResult(List.of(), added, updated, unchanged, removed);
    }

    @Override
    public void exportCsv(OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder("\uFEFF").append(String.join(",", GaijiCsv.COLUMNS)).append("\r\n");
        for (GaijiMapping m : all()) {
            b.append(GaijiCsv.line(m)).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public GaijiApplied apply(String text) {
        if (text == null || text.codePoints().noneMatch(GaijiTable::isPrivateUse)) {
            return new GaijiApplied(text == null ? "" : text, 0, List.of());
        }
        Map<Integer, String> table = new HashMap<>();
        for (GaijiMapping m : all()) {
            table.put(m.legacyCodePoint(), m.character());
        }
        StringBuilder out = new StringBuilder();
        Set<Integer> unmapped = new LinkedHashSet<>();
        int replaced = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String mapped = GaijiTable.isPrivateUse(cp) ? table.get(cp) : null;
            if (mapped != null) {
                out.append(mapped);
                replaced++;
            } else {
                if (GaijiTable.isPrivateUse(cp)) {
                    unmapped.add(cp);
                }
                out.appendCodePoint(cp);
            }
        }
        return new GaijiApplied(out.toString(), replaced, new ArrayList<>(unmapped));
    }
}
