package jp.kiban.forms;

import java.util.Arrays;
import java.util.Optional;

/** How an address is written on a label: 横書き or 縦書き (the town chooses, setting {@code labels.writing}). */
public enum LabelWriting {
    HORIZONTAL("horizontal"),
    VERTICAL("vertical");

    private final String id;

    LabelWriting(String id) {
        this.id = id;
    }

    /** The value in the settings. */
    public String id() {
        return id;
    }

    public static Optional<LabelWriting> byId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }
}
