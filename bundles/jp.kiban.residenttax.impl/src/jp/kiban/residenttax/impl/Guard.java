package jp.kiban.residenttax.impl;

import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.security.Authorisation;

/** Who may work in 個人住民税: its business staff, supervisors (審査) and administrators. */
final class Guard {
    private Guard() {
    }

    static void staff(Authorisation authorisation, Operator operator, String action) {
        if (operator.may(Permission.CONFIRM_CHANGE) || operator.may(Permission.ADMINISTER)) {
            return;
        }
        authorisation.requireBusiness(operator, ResidentTax.BUSINESS, action);
    }
}
