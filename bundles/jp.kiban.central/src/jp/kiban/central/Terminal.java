package jp.kiban.central;

/**
 * An authenticated terminal: every call on the central store is made for one, and it reaches only the
 * data of its own municipality.
 */
public record Terminal(String terminalId, String municipalityCode, String name) {
}
