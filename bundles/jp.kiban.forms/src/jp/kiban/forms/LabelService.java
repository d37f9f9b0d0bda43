package jp.kiban.forms;

import java.util.List;
import java.util.Map;

import jp.kiban.addressee.LabelRun;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;

/**
 * 宛名ラベル: label sheets (12面, 24面) and 長3 window-envelope address blocks as PDF in IPAmj明朝, names with
 * their exact glyph (base + IVS). Labels come in {@code AddressLabel.MAILING_ORDER} (郵便番号, address, フリガナ).
 * Long addresses wrap and shrink to fit their label. A character the form font lacks refuses the whole run
 * ({@link LabelCharacterException}, naming the character and every addressee concerned). Needs
 * {@code Permission.VIEW_RESIDENTS}.
 *
 * <p>Settings (kiban.properties): {@value #WRITING_SETTING} = {@code horizontal} (default) or
 * {@code vertical}; calibration per layout {@code labels.offset.<layout>.x} / {@code .y} in millimetres
 * (positive = right / down, at most ±{@value #MAX_OFFSET_MM} mm), e.g. {@code labels.offset.12.y=-1.5}.
 */
public interface LabelService {

    String WRITING_SETTING = "labels.writing";
    /** Largest calibration offset accepted, in mm. */
    int MAX_OFFSET_MM = 20;

    /** Calibration offset of a layout, in mm (positive = right / down). */
    record Offset(float x, float y) {
        public static final Offset NONE = new Offset(0, 0);
    }

    /** The town's settings: its writing and the calibration of every layout. */
    record Settings(LabelWriting writing, Map<LabelLayout, Offset> offsets) {
        public Settings {
            offsets = Map.copyOf(offsets);
        }

        public Offset offset(LabelLayout layout) {
            return offsets.getOrDefault(layout, Offset.NONE);
        }
    }

    /** The settings in force; a bad setting is refused with a {@link FormException} naming it. */
    Settings settings();

    /**
     * Labels for these 宛名番号 (a number given twice gets one label): names, addresses and 送付先 of
     * {@code options.business()} on {@code options.day()}.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} cancels
     */
    LabelDocument labels(Operator operator, List<AddresseeNumber> numbers, LabelOptions options, LabelProgress progress);

    /** Labels for a run a business already has (its order is kept as given). */
    LabelDocument labels(Operator operator, LabelRun run, LabelOptions options, LabelProgress progress);
}
