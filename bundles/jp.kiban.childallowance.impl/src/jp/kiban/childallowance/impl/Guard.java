package jp.kiban.childallowance.impl;

import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.Authorisation;

/** Who may work in 児童手当: its business staff, supervisors (審査) and administrators. */
final class Guard {
    private Guard() {
    }

    static void staff(Authorisation authorisation, Operator operator, String action) {
        if (operator.may(Permission.CONFIRM_CHANGE) || operator.may(Permission.ADMINISTER)) {
            return;
        }
        authorisation.requireBusiness(operator, ChildAllowance.BUSINESS, action);
    }
}
