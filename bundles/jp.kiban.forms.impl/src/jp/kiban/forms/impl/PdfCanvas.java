package jp.kiban.forms.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A PDF document drawn in points from the bottom left (A4 portrait), with text drawn by glyph id so
 * that base character + IVS prints the exact glyph (PDFBox's showText ignores variation selectors).
 * The font is embedded as a subset of the glyphs used. Not thread-safe; one per form.
 */
final class PdfCanvas implements AutoCloseable {
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();

    private final FormFont font;
    private final PDDocument document = new PDDocument();
    private final PDType0Font pdfFont;
    private final Set<Integer> used = new HashSet<>();
    private PDPage page;
    private COSName fontName;
    private StringBuilder content;

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
        closeStream();
        page = new PDPage(PDRectangle.A4);
        page.setResources(new PDResources());
        document.addPage(page);
        fontName = page.getResources().add(pdfFont);
        content = new StringBuilder("0.6 w\n");
    }

    /** Text with its baseline starting at (x, y). */
    void text(float x, float y, float size, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        List<FormFont.Glyph> glyphs = font.glyphs(text);
        StringBuilder hex = new StringBuilder();
        boolean variants = false;
        for (FormFont.Glyph g : glyphs) {
            used.add(g.glyphId());
            hex.append(HexFormat.of().formatHex(pdfFont.encodeGlyphId(g.glyphId())));
            variants |= g.text().codePointCount(0, g.text().length()) > 1;
        }
        content.append("BT /").append(fontName.getName()).append(' ').append(n(size)).append(" Tf ").append(n(x))
                .append(' ').append(n(y)).append(" Td ");
        if (variants) {
            // the subset's ToUnicode knows only plain characters: say what an IVS glyph stands for
            content.append("/Span <</ActualText <feff")
                    .append(HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_16BE))).append(">>> BDC ");
        }
        content.append('<').append(hex).append("> Tj");
        if (variants) {
            content.append(" EMC");
        }
        content.append(" ET\n");
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
        content.append(n(x)).append(' ').append(n(y)).append(' ').append(n(w)).append(' ').append(n(h)).append(" re S\n");
    }

    void line(float x1, float y1, float x2, float y2) {
        content.append(n(x1)).append(' ').append(n(y1)).append(" m ").append(n(x2)).append(' ').append(n(y2))
                .append(" l S\n");
    }

    void fill(float x, float y, float w, float h, float grey) {
        content.append(n(grey)).append(" g ").append(n(x)).append(' ').append(n(y)).append(' ').append(n(w))
                .append(' ').append(n(h)).append(" re f 0 g\n");
    }

    /**
     * One glyph with its origin at (x, y), e.g. a character of a vertical column, with its text as
     * ActualText (a vertical form has no entry in the subset's ToUnicode).
     */
    void glyphAt(float x, float y, float size, FormFont.Glyph g) {
        used.add(g.glyphId());
        content.append("BT /").append(fontName.getName()).append(' ').append(n(size)).append(" Tf ").append(n(x))
                .append(' ').append(n(y)).append(" Td /Span <</ActualText <feff")
                .append(HexFormat.of().formatHex(g.text().getBytes(StandardCharsets.UTF_16BE))).append(">>> BDC <")
                .append(HexFormat.of().formatHex(pdfFont.encodeGlyphId(g.glyphId()))).append("> Tj EMC ET\n");
    }

    /** A thin rectangle in grey (guides such as label outlines and fold marks), not in black. */
    void guide(float x, float y, float w, float h, float grey) {
        content.append("q 0.3 w ").append(n(grey)).append(" G ").append(n(x)).append(' ').append(n(y)).append(' ')
                .append(n(w)).append(' ').append(n(h)).append(" re S Q\n");
    }

    /** A thin line in grey. */
    void guideLine(float x1, float y1, float x2, float y2, float grey) {
        content.append("q 0.3 w ").append(n(grey)).append(" G ").append(n(x1)).append(' ').append(n(y1)).append(" m ")
                .append(n(x2)).append(' ').append(n(y2)).append(" l S Q\n");
    }

    /** Colour of the following text, lines and fills (0..1 each); {@link #black()} goes back. */
    void colour(float r, float g, float b) {
        content.append(n(r)).append(' ').append(n(g)).append(' ').append(n(b)).append(" rg ").append(n(r)).append(' ')
                .append(n(g)).append(' ').append(n(b)).append(" RG\n");
    }

    void black() {
        content.append("0 g 0 G\n");
    }

    void lineWidth(float width) {
        content.append(n(width)).append(" w\n");
    }

    /** A raster image (e.g. the 公印 PNG) scaled into the box with its bottom left at (x, y). */
    void image(PDImageXObject image, float x, float y, float w, float h) {
        COSName name = page.getResources().add(image);
        content.append("q ").append(n(w)).append(" 0 0 ").append(n(h)).append(' ').append(n(x)).append(' ').append(n(y))
                .append(" cm /").append(name.getName()).append(" Do Q\n");
    }

    /** The document, e.g. to create an image in it. */
    PDDocument document() {
        return document;
    }

    private static String n(float value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    int pages() {
        return document.getNumberOfPages();
    }

    /** Embeds the subset and returns the PDF. */
    byte[] save() {
        try {
            closeStream();
            pdfFont.addGlyphsToSubset(used);
            // content streams are written here, not through PDPageContentStream.setFont, so the document never
            // learns that the font is to be subset: embed the subset now
            pdfFont.subset();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() {
        if (content == null) {
            return;
        }
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.setContents(stream);
        content = null;
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
}
