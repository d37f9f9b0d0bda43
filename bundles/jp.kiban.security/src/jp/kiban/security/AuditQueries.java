package jp.kiban.security;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

import jp.kiban.platform.Operator;

/**
 * The auditor's side of the access log. Needs {@code READ_ACCESS_LOG}; each use is itself logged.
 */
public interface AuditQueries {

    /** Entries matching the filter, newest first. */
    List<AccessEntry> list(Operator auditor, AuditFilter filter);

    /** Walks the whole chain from the first entry; names the first broken entry. */
    Verification verify(Operator auditor);

    /** Night and holiday use, repeated failed logins, many persons viewed, in the filter's period. */
    List<AuditFinding> analyse(Operator auditor, AuditFilter filter);

    /** Writes the entries matching the filter as CSV (UTF-8 text, header line, oldest first); returns the count. */
    int exportCsv(Operator auditor, AuditFilter filter, Writer out) throws IOException;

    /**
     * @param entries     how many entries were checked
     * @param firstBroken the first entry whose hash or link does not match, if any
     * @param problem     English description of what is wrong, empty if intact
     */
    record Verification(long entries, Optional<Long> firstBroken, String problem) {
        public boolean intact() {
            return firstBroken.isEmpty() && problem.isEmpty();
        }
    }
}
