package jp.kiban.healthinsurance.ui.internal;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.forms.ui.FormPreviewDialog;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.HouseholdSummary;
import jp.kiban.healthinsurance.KokuhoBatch;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.platform.Operator;
import jp.kiban.ui.Form;

/**
 * 当初賦課: the 国保税 of every household of the town for a fiscal year, computed and stored by the batch on a
 * background thread, with a progress bar and 中止 (the batch stops after the chunk it is in; what it finished stays
 * stored). Afterwards the figures, and the 納税通知書 of every household in one PDF.
 */
public class BatchPart extends jp.kiban.ui.BatchPart<KokuhoBatch.Result> {
    public static final String RUN = "batch.run";
    public static final String CANCEL = "batch.cancel";
    public static final String PROGRESS = "batch.progress";
    public static final String STATUS = "batch.status";
    public static final String RESULT = "batch.result";
    public static final String NOTICES = "batch.notices";

    @Inject
    KokuhoBatch batch;
    @Inject
    HealthInsurance kokuho;
    @Inject
    KokuhoNotices notices;

    public BatchPart() {
        super("", 190, "kokuho-batch");
    }

    @Override
    protected String text(String key, Object... args) {
        return Messages.get(key, args);
    }

    @Override
    protected Form form(Composite parent) {
        return new Form(parent, 1);
    }

    @Override
    protected int currentYear() {
        return KokuhoNotices.fiscalYearOf(HouseholdsPart.today());
    }

    @Override
    protected int parseYear(String text) {
        return Rates.fiscalYear(text);
    }

    @Override
    protected String yearText(int year) {
        return Messages.fiscalYear(year);
    }

    @Override
    protected int storedCount(Operator operator, int year) {
        return batch.storedCount(operator, year);
    }

    @Override
    protected KokuhoBatch.Result run(Operator operator, int year, Progress progress, BooleanSupplier cancelled) {
        return batch.run(operator, year, progress::done, cancelled);
    }

    @Override
    protected Outcome outcome(KokuhoBatch.Result r) {
        return new Outcome(r.fiscalYear(), r.total(), r.computed(), r.cancelled());
    }

    @Override
    protected void showFigures(KokuhoBatch.Result r) {
        row("batch.result.total", Messages.get("households.persons.households", r.total()));
        row("batch.result.computed", Messages.get("households.persons.households", r.computed()));
        row("batch.result.tax", Rates.yen(r.totalTax()) + " 円");
        row("batch.result.reduced", Messages.get("households.persons.households", r.reduced()));
        row("batch.result.capped", Messages.get("households.persons.households", r.capped()));
        row("batch.result.speed", Messages.get("batch.result.perSecond", Math.round(r.householdsPerSecond())));
    }

    /** Every household of the year in one PDF, for the post. */
    @Override
    protected void printNotices(int year) {
        List<HouseholdNumber> all = kokuho.households(session.operator(), "", year, Integer.MAX_VALUE).stream()
                .map(HouseholdSummary::number).toList();
        byte[] pdf = notices.taxNotices(session.operator(), all, year, HouseholdsPart.today());
        new FormPreviewDialog(shell(), Messages.get("batch.notices.title", Messages.fiscalYear(year), all.size()), pdf,
                "国保税納税通知書-" + year).open();
    }
}
