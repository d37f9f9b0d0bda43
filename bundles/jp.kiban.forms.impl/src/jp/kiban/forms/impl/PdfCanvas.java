package jp.kiban.forms.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A PDF document drawn in points from the bottom left (A4 portrait), with text drawn by glyph id so
 * that base character + IVS prints the exact glyph (PDFBox's showText ignores variation selectors).
 * The font is embedded as a subset of the glyphs used. Not thread-safe; one per form.
 */
final class PdfCanvas implements AutoCloseable {
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final COSName ACTUAL_TEXT = COSName.getPDFName("ActualText");

    private final FormFont font;
    private final PDDocument document = new PDDocument();
    private final PDType0Font pdfFont;
    private final Set<Integer> used = new HashSet<>();
    private GlyphStream stream;

    PdfCanvas(FormFont font, String title) {
        this.font = font;
        try {
            pdfFont = PDType0Font.load(document, font.trueTypeFont(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("Kiban");
    }

    FormFont font() {
        return font;
    }

    void newPage() {
        try {
            closeStream();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new GlyphStream(document, page);
            stream.setLineWidth(0.6f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with its baseline starting at (x, y). */
    void text(float x, float y, float size, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        List<FormFont.Glyph> glyphs = font.glyphs(text);
        byte[] codes = new byte[glyphs.size() * 2];
        boolean variants = false;
        for (int i = 0; i < glyphs.size(); i++) {
            FormFont.Glyph g = glyphs.get(i);
            used.add(g.glyphId());
            byte[] code = pdfFont.encodeGlyphId(g.glyphId());
            codes[i * 2] = code[0];
            codes[i * 2 + 1] = code[1];
            variants |= g.text().codePointCount(0, g.text().length()) > 1;
        }
        try {
            stream.beginText();
            stream.setFont(pdfFont, size);
            stream.newLineAtOffset(x, y);
            if (variants) {
                // the subset's ToUnicode knows only plain characters: say what an IVS glyph stands for
                COSDictionary props = new COSDictionary();
                props.setString(ACTUAL_TEXT, text);
                stream.beginMarkedContent(COSName.SPAN, PDPropertyList.create(props));
            }
            stream.showCodes(codes);
            if (variants) {
                stream.endMarkedContent();
            }
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void textRight(float right, float y, float size, String text) {
        text(right - font.width(text, size), y, size, text);
    }

    void textCentered(float centre, float y, float size, String text) {
        text(centre - font.width(text, size) / 2, y, size, text);
    }

    /** Text spread evenly over {@code width} (均等割り), for labels and titles. */
    void textSpread(float x, float y, float width, float size, String text) {
        List<FormFont.Glyph> glyphs = font.glyphs(text);
        if (glyphs.size() < 2) {
            text(x, y, size, text);
            return;
        }
        float total = 0;
        for (FormFont.Glyph g : glyphs) {
            total += g.advance() * size;
        }
        float gap = Math.max(0, (width - total) / (glyphs.size() - 1));
        float at = x;
        for (FormFont.Glyph g : glyphs) {
            text(at, y, size, g.text());
            at += g.advance() * size + gap;
        }
    }

    float width(String text, float size) {
        return font.width(text, size);
    }

    void rect(float x, float y, float w, float h) {
        try {
            stream.addRect(x, y, w, h);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(float x1, float y1, float x2, float y2) {
        try {
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(float x, float y, float w, float h, float grey) {
        try {
            stream.setNonStrokingColor(grey);
            stream.addRect(x, y, w, h);
            stream.fill();
            stream.setNonStrokingColor(0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int pages() {
        return document.getNumberOfPages();
    }

    /** Embeds the subset and returns the PDF. */
    byte[] save() {
        try {
            closeStream();
            pdfFont.addGlyphsToSubset(used);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() {
        try {
            closeStream();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page content stream that shows glyph codes as they are (Identity-H: two bytes per glyph). */
    private static final class GlyphStream extends PDPageContentStream {
        GlyphStream(PDDocument document, PDPage page) throws IOException {
            super(document, page);
        }

        void showCodes(byte[] codes) throws IOException {
            write("<" + HexFormat.of().formatHex(codes) + "> ");
            writeOperator("Tj");
        }
    }
}
