package jp.kiban.forms.impl;

import java.nio.file.Path;

/** One line of text as a small PDF in the form font, drawn as forms draw it (for tests and checks). */
public final class TextSample {
    private TextSample() {
    }

    public static byte[] pdf(Path fontFile, String text, float size) {
        try (PdfCanvas pdf = new PdfCanvas(FormFont.load(fontFile), "sample")) {
            pdf.newPage();
            pdf.text(72, PdfCanvas.HEIGHT - 72 - size, size, text);
            return pdf.save();
        }
    }
}
