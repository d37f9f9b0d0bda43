#!/usr/bin/env python3
"""Builds data/unihan-ja.txt.gz, the readings of the 文字コード照会, from the Unicode Character Database.

Source: Unihan (Unicode 15.0) as shipped by Debian's package unicode-data
(/usr/share/unicode/Unihan_Readings.txt.bz2 and Unihan_IRGSources.txt.bz2; apt-get install unicode-data).
Licence: Unicode License (data/UNICODE-LICENSE.txt). Fields used: kJapaneseOn, kJapaneseKun, kTotalStrokes.

Output, one line per character that has a Japanese reading, UTF-8, tab-separated:
    code point (hex) <TAB> on readings (katakana, space-separated) <TAB> kun readings (hiragana) <TAB> strokes
Unihan writes readings in romaji (KATSU, KUZU); they are converted to kana here so that the
client compares kana with kana. Run: python3 make-readings.py [UNIHAN_DIR]
"""
import bz2
import gzip
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unihan-ja.txt.gz")

KANA = {
    "A": "ア", "I": "イ", "U": "ウ", "E": "エ", "O": "オ",
    "KA": "カ", "KI": "キ", "KU": "ク", "KE": "ケ", "KO": "コ",
    "GA": "ガ", "GI": "ギ", "GU": "グ", "GE": "ゲ", "GO": "ゴ",
    "SA": "サ", "SHI": "シ", "SI": "シ", "SU": "ス", "SE": "セ", "SO": "ソ",
    "ZA": "ザ", "JI": "ジ", "ZI": "ジ", "ZU": "ズ", "ZE": "ゼ", "ZO": "ゾ",
    "TA": "タ", "CHI": "チ", "TI": "チ", "TSU": "ツ", "TU": "ツ", "TE": "テ", "TO": "ト",
    "DA": "ダ", "DI": "ヂ", "DU": "ヅ", "DE": "デ", "DO": "ド",
    "NA": "ナ", "NI": "ニ", "NU": "ヌ", "NE": "ネ", "NO": "ノ",
    "HA": "ハ", "HI": "ヒ", "FU": "フ", "HU": "フ", "HE": "ヘ", "HO": "ホ",
    "BA": "バ", "BI": "ビ", "BU": "ブ", "BE": "ベ", "BO": "ボ",
    "PA": "パ", "PI": "ピ", "PU": "プ", "PE": "ペ", "PO": "ポ",
    "MA": "マ", "MI": "ミ", "MU": "ム", "ME": "メ", "MO": "モ",
    "YA": "ヤ", "YU": "ユ", "YO": "ヨ",
    "RA": "ラ", "RI": "リ", "RU": "ル", "RE": "レ", "RO": "ロ",
    "WA": "ワ", "WI": "ヰ", "WE": "ヱ", "WO": "ヲ",
    "KYA": "キャ", "KYU": "キュ", "KYO": "キョ", "GYA": "ギャ", "GYU": "ギュ", "GYO": "ギョ",
    "SHA": "シャ", "SHU": "シュ", "SHO": "ショ", "SHE": "シェ", "JA": "ジャ", "JU": "ジュ", "JO": "ジョ",
    "SYA": "シャ", "SYU": "シュ", "SYO": "ショ", "ZYA": "ジャ", "ZYU": "ジュ", "ZYO": "ジョ", "JE": "ジェ",
    "CHA": "チャ", "CHU": "チュ", "CHO": "チョ", "TYA": "チャ", "TYU": "チュ", "TYO": "チョ",
    "NYA": "ニャ", "NYU": "ニュ", "NYO": "ニョ", "HYA": "ヒャ", "HYU": "ヒュ", "HYO": "ヒョ",
    "BYA": "ビャ", "BYU": "ビュ", "BYO": "ビョ", "PYA": "ピャ", "PYU": "ピュ", "PYO": "ピョ",
    "MYA": "ミャ", "MYU": "ミュ", "MYO": "ミョ", "RYA": "リャ", "RYU": "リュ", "RYO": "リョ",
    "KWA": "クヮ", "GWA": "グヮ", "DYA": "ヂャ", "DYU": "ヂュ", "DYO": "ヂョ",
    "FA": "ファ", "FI": "フィ", "FE": "フェ", "FO": "フォ", "VU": "ヴ",
}
CONSONANTS = set("BCDFGHJKLMPQRSTVWXZY")


def to_katakana(romaji):
    """Katakana for one Unihan romaji reading, or None if it does not convert completely."""
    out = []
    i = 0
    s = romaji.upper()
    while i < len(s):
        # っ: a doubled consonant (KK, SS, TT, PP, TCH)
        if i + 1 < len(s) and s[i] in CONSONANTS and s[i] != "N" and (s[i + 1] == s[i] or s[i:i + 3] == "TCH"):
            out.append("ッ")
            i += 1
            continue
        for n in (3, 2, 1):
            part = s[i:i + n]
            if part in KANA:
                out.append(KANA[part])
                i += n
                break
        else:
            if s[i] == "N" or s[i] == "M" and i + 1 < len(s) and s[i + 1] in "BPM":
                out.append("ン")
                i += 1
            else:
                return None
    return "".join(out)


def hiragana(katakana):
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)


def read(name):
    with bz2.open(os.path.join(SRC, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                code, field, value = line.rstrip("\n").split("\t", 2)
                yield int(code[2:], 16), field, value


def main():
    on, kun, strokes = {}, {}, {}
    failed = 0
    for cp, field, value in read("Unihan_Readings.txt.bz2"):
        if field in ("kJapaneseOn", "kJapaneseKun"):
            kana = []
            for r in value.split():
                k = to_katakana(r)
                if k is None:
                    failed += 1
                    continue
                kana.append(k if field == "kJapaneseOn" else hiragana(k))
            (on if field == "kJapaneseOn" else kun)[cp] = kana
    for cp, field, value in read("Unihan_IRGSources.txt.bz2"):
        if field == "kTotalStrokes":
            strokes[cp] = int(value.split()[0])
    lines = []
    for cp in sorted(set(on) | set(kun)):
        lines.append("%X\t%s\t%s\t%d\n" % (cp, " ".join(on.get(cp, [])), " ".join(kun.get(cp, [])), strokes.get(cp, 0)))
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:
        f.write("".join(lines).encode("utf-8"))
    print("%d characters, %d readings not converted, written to %s" % (len(lines), failed, OUT))


if __name__ == "__main__":
    main()
