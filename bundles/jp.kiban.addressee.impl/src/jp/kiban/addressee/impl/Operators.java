package jp.kiban.addressee.impl;

import java.util.Objects;

import jp.kiban.platform.Operator;

/** How an operator is recorded in updated_by. */
final class Operators {
    private Operators() {
    }

    static String id(Operator operator) {
        String id = Objects.requireNonNull(operator, "operator").id();
        return id.length() <= 64 ? id : id.substring(0, 64);
    }
}
