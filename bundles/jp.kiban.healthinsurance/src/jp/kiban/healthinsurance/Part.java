package jp.kiban.healthinsurance;

/**
 * The three parts of the 国民健康保険税 (地方税法第703条の4第2項): each has its own 所得割, 均等割,
 * 平等割 and 課税限度額.
 */
public enum Part {
    /** 基礎課税額（医療分）. */
    MEDICAL,
    /** 後期高齢者支援金等課税額（支援金分）. */
    SUPPORT,
    /** 介護納付金課税額（介護分）: only insured persons who are 介護保険第2号被保険者 (aged 40–64). */
    CARE
}
