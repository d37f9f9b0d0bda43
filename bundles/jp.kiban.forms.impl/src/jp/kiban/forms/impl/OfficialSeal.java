package jp.kiban.forms.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import jp.kiban.forms.FormException;

/**
 * 公印 (標準仕様書 1.3.7, 5.6): the town's seal image (PNG, setting {@value #IMAGE_SETTING}) or, when none is
 * set, a seal drawn by the form itself: a square with a double border and the title text (e.g.
 * デモ町長之印) written in columns from the right. The specification fixes the 電子公印 at no more than 25 mm
 * square and black; the colour of the drawn seal can be changed with {@value #COLOUR_SETTING} ({@code red}).
 */
final class OfficialSeal {
    static final String IMAGE_SETTING = "forms.seal.image";
    static final String COLOUR_SETTING = "forms.seal.colour";
    /** 25 mm in points. */
    static final float SIZE = 25f / 25.4f * 72f;

    private final Path image;
    private final boolean red;
    private final String text;

    OfficialSeal(Path image, boolean red, String text) {
        this.image = image;
        this.red = red;
        this.text = text;
    }

    /** The seal text from the town name and the mayor's title: デモ町 + 町長 → デモ町長之印. */
    static String text(String townName, String mayorTitle) {
        String name = townName;
        if (!mayorTitle.isEmpty() && !name.isEmpty()
                && name.codePointBefore(name.length()) == mayorTitle.codePointAt(0)) {
            name = name.substring(0, name.length() - Character.charCount(mayorTitle.codePointAt(0)));
        }
        return name + mayorTitle + "之印";
    }

    /** Draws the seal with its centre at (cx, cy). */
    void draw(PdfCanvas pdf, float cx, float cy) {
        float x = cx - SIZE / 2;
        float y = cy - SIZE / 2;
        if (image != null) {
            if (!Files.isRegularFile(image)) {
                throw new FormException("seal.missingFile", image);
            }
            try {
                PDImageXObject picture = PDImageXObject.createFromFile(image.toString(), pdf.document());
                float w = picture.getWidth();
                float h = picture.getHeight();
                float scale = SIZE / Math.max(w, h);
                pdf.image(picture, cx - w * scale / 2, cy - h * scale / 2, w * scale, h * scale);
            } catch (IOException | RuntimeException e) {
                if (e instanceof FormException f) {
                    throw f;
                }
                throw new FormException("seal.unreadable", image, e.getMessage());
            }
            return;
        }
        if (red) {
            pdf.colour(0.8f, 0.1f, 0.1f);
        }
        pdf.lineWidth(2.2f);
        pdf.rect(x, y, SIZE, SIZE);
        pdf.lineWidth(0.7f);
        pdf.rect(x + 3.5f, y + 3.5f, SIZE - 7, SIZE - 7);
        List<String> chars = text.codePoints().mapToObj(Character::toString).toList();
        int rows = (int) Math.ceil(Math.sqrt(chars.size()));
        int cols = (int) Math.ceil(chars.size() / (double) rows);
        float inner = SIZE - 12;
        float cellW = inner / cols;
        float cellH = inner / rows;
        float size = Math.min(cellW, cellH) * 0.92f;
        for (int i = 0; i < chars.size(); i++) {
            int col = i / rows; // columns from the right, top to bottom (vertical writing)
            int row = i % rows;
            float centreX = x + SIZE - 6 - cellW * col - cellW / 2;
            float baseline = y + SIZE - 6 - cellH * row - cellH / 2 - size * 0.36f;
            pdf.textCentered(centreX, baseline, size, chars.get(i));
        }
        pdf.lineWidth(0.6f);
        pdf.black();
    }
}
