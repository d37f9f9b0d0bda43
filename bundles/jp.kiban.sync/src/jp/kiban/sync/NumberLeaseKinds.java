package jp.kiban.sync;

import java.util.List;

/**
 * Published (as an OSGi service) by a module that takes numbers from {@link NumberLeases}: the kinds it
 * needs, so that the background sync leases ranges before the first number is asked for.
 */
public interface NumberLeaseKinds {

    /**
     * One kind of number.
     *
     * @param kind  lower-case name, e.g. {@link NumberLeases#ADDRESSEE}
     * @param max   the highest number the kind can hold (e.g. 9999999999 for a 10-digit serial)
     * @param floor the lowest number the central store may lease: one past the highest this module assigned
     *              with its own counter (before the terminal was attached), so that a register taken over
     *              from a standalone installation keeps its numbers unique
     */
    record Kind(String kind, long max, long floor) {
        public Kind {
            if (kind == null || !kind.matches("[a-z][a-z0-9.]{0,29}")) {
                throw new IllegalArgumentException("lease kind must be 1 to 30 lower-case letters, digits or dots: " + kind);
            }
            if (floor < 1 || max < floor) {
                throw new IllegalArgumentException("lease kind " + kind + ": need 1 <= floor <= max");
            }
        }
    }

    List<Kind> kinds();
}
