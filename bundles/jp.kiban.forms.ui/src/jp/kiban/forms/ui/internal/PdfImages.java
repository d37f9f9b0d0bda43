package jp.kiban.forms.ui.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * PDF pages as SWT image data: PDFBox renders a page (Java2D, off screen) and the pixels are copied
 * into a 24-bit direct-colour {@link ImageData}. One renderer per document; not thread-safe.
 */
public final class PdfImages {
    private final PDFRenderer renderer;

    public PdfImages(PDDocument document) {
        this.renderer = new PDFRenderer(document);
    }

    /** Page {@code index} (0-based) at {@code dpi}. */
    public ImageData render(int index, float dpi) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
        int w = image.getWidth();
        int h = image.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }
}
