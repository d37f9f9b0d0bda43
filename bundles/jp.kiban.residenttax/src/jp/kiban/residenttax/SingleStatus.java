package jp.kiban.residenttax;

/** 寡婦 / ひとり親 (地方税法第292条第1項第11号・第12号). */
public enum SingleStatus {
    NONE("なし"),
    WIDOW("寡婦"),
    SINGLE_PARENT("ひとり親");

    private final String label;

    SingleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
