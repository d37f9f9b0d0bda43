package jp.kiban.addressee;

import java.util.List;

import jp.kiban.core.id.AddresseeNumber;

/**
 * The result of {@link AddressLabels#labels}: the labels in {@link AddressLabel#MAILING_ORDER} (郵便番号,
 * labels without one last, then address, then フリガナ, then 宛名番号); and every requested number that got no label, in the order
 * requested, with the reason.
 */
public record LabelRun(List<AddressLabel> labels, List<Missing> missing) {

    public LabelRun {
        labels = List.copyOf(labels);
        missing = List.copyOf(missing);
    }

    /** A number that got no label. */
    public record Missing(AddresseeNumber number, Reason reason) {
    }

    public enum Reason {
        /** No {@link AddresseeDirectory} knows the number (and so no name is known). */
        UNKNOWN_PERSON,
        /** The person is known, but neither a 送付先 nor a registered address is. */
        NO_ADDRESS
    }
}
