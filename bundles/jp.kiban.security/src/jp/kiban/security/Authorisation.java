package jp.kiban.security;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;

/**
 * The check a service makes at the top of every call. A refusal is written to the access log (kind
 * {@link AccessKind#REFUSED}) and thrown as a {@link SecurityRefusal}. Business modules use
 * {@link #requireBusiness}: a 国保 user cannot open 児童手当 even through the service.
 */
public interface Authorisation {

    /** @throws SecurityRefusal {@code permission.missing} */
    void require(Operator operator, Permission permission, String action);

    /**
     * @param business the business module's id, e.g. {@code kokuho}, {@code jidoteate}
     * @throws SecurityRefusal {@code permission.business}
     */
    void requireBusiness(Operator operator, String business, String action);
}
