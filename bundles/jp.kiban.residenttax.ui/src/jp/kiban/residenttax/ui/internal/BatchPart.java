package jp.kiban.residenttax.ui.internal;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.platform.Operator;
import jp.kiban.residenttax.ResidentTax;
import jp.kiban.residenttax.ResidentTaxBatch;
import jp.kiban.residenttax.ResidentTaxNotices;
import jp.kiban.residenttax.Taxpayer;
import jp.kiban.ui.Form;

/**
 * 住民税 当初課税: the taxpayers of 1 January are extracted and the tax of every one is computed and stored by the
 * batch on a background thread, with a progress bar and 中止 (the batch stops after the chunk it is in; what it
 * finished stays stored). Afterwards the figures, and the 納税通知書 of every taxpayer in one PDF.
 */
public class BatchPart extends jp.kiban.ui.BatchPart<ResidentTaxBatch.Result> {
    public static final String RUN = "juminzei.batch.run";
    public static final String CANCEL = "juminzei.batch.cancel";
    public static final String PROGRESS = "juminzei.batch.progress";
    public static final String STATUS = "juminzei.batch.status";
    public static final String RESULT = "juminzei.batch.result";
    public static final String NOTICES = "juminzei.batch.notices";

    @Inject
    ResidentTaxBatch batch;
    @Inject
    ResidentTax tax;
    @Inject
    ResidentTaxNotices notices;

    public BatchPart() {
        super("juminzei.", 262, "juminzei-batch");
    }

    @Override
    protected String text(String key, Object... args) {
        return Messages.get(key, args);
    }

    @Override
    protected Form form(Composite parent) {
        return Texts.form(parent);
    }

    @Override
    protected int currentYear() {
        return Texts.currentYear();
    }

    @Override
    protected int parseYear(String text) {
        return Texts.taxYear(text);
    }

    @Override
    protected String yearText(int year) {
        return Messages.taxYear(year);
    }

    @Override
    protected int storedCount(Operator operator, int year) {
        return batch.storedCount(operator, year);
    }

    @Override
    protected ResidentTaxBatch.Result run(Operator operator, int year, Progress progress, BooleanSupplier cancelled) {
        return batch.run(operator, year, progress::done, cancelled);
    }

    @Override
    protected Outcome outcome(ResidentTaxBatch.Result r) {
        return new Outcome(r.taxYear(), r.total(), r.computed(), r.cancelled());
    }

    @Override
    protected void showFigures(ResidentTaxBatch.Result r) {
        row("batch.result.total", Messages.get("batch.persons", r.total()));
        row("batch.result.computed", Messages.get("batch.persons", r.computed()));
        row("batch.result.tax", Texts.yen(r.totalTax()) + " 円");
        row("batch.result.incomeLevy", Texts.yen(r.incomeLevy()) + " 円");
        row("batch.result.perCapita", Texts.yen(r.perCapita()) + " 円");
        row("batch.result.forest", Texts.yen(r.forestTax()) + " 円");
        row("batch.result.exempt", Messages.get("batch.persons", r.exempt()));
        row("batch.result.perCapitaOnly", Messages.get("batch.persons", r.perCapitaOnly()));
        row("batch.result.speed", Messages.get("batch.result.perSecond", Math.round(r.taxpayersPerSecond())));
    }

    /** Every taxpayer of the year who owes anything, in one PDF for the post. */
    @Override
    protected void printNotices(int year) {
        List<AddresseeNumber> all = tax.taxpayers(session.operator(), year, "", Integer.MAX_VALUE).stream()
                .map(Taxpayer::person).toList();
        byte[] pdf = notices.taxNotices(session.operator(), year, all, Texts.today());
        new FormPreviewDialog(shell(), Messages.get("batch.notices.title", Messages.taxYear(year)), pdf,
                "住民税納税通知書-" + year).open();
    }
}
