package jp.kiban.residenttax;

/** Why a person is taxed by the town for a tax year (地方税法第294条). */
public enum TaxpayerKind {
    /** 住民登録者: on the resident register on 1 January (第294条第1項第1号, 第2項). */
    REGISTERED("住民登録者"),
    /**
     * 住登外（住所あり）: lives in the town on 1 January without being on the register (第294条第3項), entered by the
     * clerk; taxed in full.
     */
    UNREGISTERED("住登外"),
    /**
     * 家屋敷課税: has an office or a dwelling in the town but lives elsewhere (第294条第1項第2号); 均等割 only, no
     * 所得割 and no 森林環境税 (that is collected where the person lives).
     */
    PREMISES("家屋敷課税");

    private final String label;

    TaxpayerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
