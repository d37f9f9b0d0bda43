package jp.kiban.healthinsurance.impl;

import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.security.Authorisation;

/** Who may work in 国保: its business staff, supervisors (審査) and administrators. */
final class Guard {
    private Guard() {
    }

    static void staff(Authorisation authorisation, Operator operator, String action) {
        if (operator.may(Permission.CONFIRM_CHANGE) || operator.may(Permission.ADMINISTER)) {
            return;
        }
        authorisation.requireBusiness(operator, HealthInsurance.BUSINESS, action);
    }
}
