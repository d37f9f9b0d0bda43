package jp.kiban.platform;

import java.util.Objects;

import jp.kiban.core.id.LocalGovernmentCode;

/**
 * The town or village this installation serves (one per terminal; the central store keeps many).
 *
 * @param code      全国地方公共団体コード with its check digit
 * @param name      e.g. きばん町
 * @param mayorTitle 首長の職名 used in 認証文, e.g. 町長
 * @param mayorName  首長の氏名
 * @param demo       true for the demo town shipped for trials; never for a real town
 */
public record Municipality(LocalGovernmentCode code, String name, String mayorTitle, String mayorName, boolean demo) {
    /** デモ町: prefecture 13 with the unused town number 999, so it can never be taken for a real town. */
    public static Municipality demoTown() {
        return new Municipality(LocalGovernmentCode.of("139998"), "デモ町", "町長", "基盤 太郎", true);
    }

    public Municipality {
        Objects.requireNonNull(code, "code");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("municipality name is required");
        }
        name = name.strip();
        mayorTitle = mayorTitle == null ? "" : mayorTitle.strip();
        mayorName = mayorName == null ? "" : mayorName.strip();
    }
}
