package jp.kiban.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kiban.core.csv.Csv;
import jp.kiban.core.csv.Csv.Problem;
import jp.kiban.core.csv.Csv.Row;

/** The minimal RFC 4180 reader and writer. */
class CsvTest {

    @Test
    void plainRecordsWithLfOrCrLfAndNoFinalLineBreak() {
        Csv.Parsed p = Csv.parse("a,b,c\r\n1,2,3\n4,5,6");
        assertEquals(List.of(new Row(1, List.of("a", "b", "c")), new Row(2, List.of("1", "2", "3")),
                new Row(3, List.of("4", "5", "6"))), p.rows());
        assertEquals(List.of(), p.problems());
    }

    @Test
    void emptyFieldsAndATrailingCommaAreFields() {
        assertEquals(List.of(new Row(1, List.of("a", "", "")), new Row(2, List.of("", "x"))),
                Csv.parse("a,,\n,x\n").rows());
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        Csv.Parsed p = Csv.parse("\"大字上野,東\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nnext,row,here\n");
        assertEquals(List.of(new Row(1, List.of("大字上野,東", "say \"hi\"", "two\nlines")),
                new Row(3, List.of("next", "row", "here"))), p.rows(), "the next record starts on line 3");
        assertEquals(List.of(), p.problems());
    }

    @Test
    void emptyLinesAreSkippedButCounted() {
        Csv.Parsed p = Csv.parse("a\n\n\r\nb\n");
        assertEquals(List.of(new Row(1, List.of("a")), new Row(4, List.of("b"))), p.rows());
    }

    @Test
    void aLeadingBomIsSkipped() {
        assertEquals(List.of(new Row(1, List.of("code", "name"))), Csv.parse("\uFEFFcode,name\n").rows());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsReportedAndReadingGoesOn() {
        Csv.Parsed p = Csv.parse("a,b\nx,ab\"c\ny,z\n");
        assertEquals(List.of(new Problem(2, "csv.quoteInField")), p.problems());
        assertEquals(List.of(new Row(1, List.of("a", "b")), new Row(3, List.of("y", "z"))), p.rows());
    }

    @Test
    void textAfterAClosingQuoteIsReported() {
        Csv.Parsed p = Csv.parse("\"ab\"c,d\ne,f\n");
        assertEquals(List.of(new Problem(1, "csv.textAfterQuote")), p.problems());
        assertEquals(List.of(new Row(2, List.of("e", "f"))), p.rows());
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineWhereItStarts() {
        Csv.Parsed p = Csv.parse("a,b\nc,\"never closed\nd,e\n");
        assertEquals(List.of(new Problem(2, "csv.unterminatedQuote")), p.problems());
        assertEquals(List.of(new Row(1, List.of("a", "b"))), p.rows());
    }

    @Test
    void writingQuotesOnlyWhereNeededAndReadsBack() {
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "two\nlines", " padded", "");
        String line = Csv.format(fields);
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",", line);
        assertEquals(List.of(new Row(1, fields)), Csv.parse(line + "\r\n").rows());
    }

    @Test
    void utf8IsDecodedStrictlyWithTheBomRemoved() throws Exception {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = "code\n上野".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        assertEquals("code\n上野", Csv.decodeUtf8(all));
        assertEquals("code\n上野", Csv.decodeUtf8(body));
    }

    @Test
    void shiftJisIsRefusedWithTheLineOfTheFirstBadByte() {
        byte[] sjis = "code,name\n001,大字上野\n".getBytes(Charset.forName("Shift_JIS"));
        Csv.NotUtf8Exception e = assertThrows(Csv.NotUtf8Exception.class, () -> Csv.decodeUtf8(sjis));
        assertEquals(2, e.line());
    }
}
