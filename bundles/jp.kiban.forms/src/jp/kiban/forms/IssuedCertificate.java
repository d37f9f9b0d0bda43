package jp.kiban.forms;

/**
 * An issued form.
 *
 * @param issueNumber 発行番号 as printed, unique per installation
 * @param pdf         the PDF document
 * @param pages       number of pages
 */
public record IssuedCertificate(String issueNumber, byte[] pdf, int pages) {
}
