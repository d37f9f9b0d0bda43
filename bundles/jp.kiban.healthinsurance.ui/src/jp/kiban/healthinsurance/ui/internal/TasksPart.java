package jp.kiban.healthinsurance.ui.internal;

import java.util.List;

import jakarta.inject.Inject;
import jp.kiban.healthinsurance.HealthInsurance;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.KokuhoTask;
import jp.kiban.platform.Operator;

/**
 * 確認事項: what resident events left for the clerk (国保加入の確認 after a 転入, a 転出 to confirm, a 世帯変更 …).
 * A double-click opens the household; 完了 records who looked at it, with a note.
 */
public class TasksPart extends jp.kiban.ui.TasksPart<KokuhoTask> {
    public static final String TABLE = "tasks.table";
    public static final String DONE = "tasks.includeDone";
    public static final String NOTE = "tasks.note";
    public static final String RESOLVE = "tasks.resolve";
    public static final String STATUS = "tasks.status";

    @Inject
    HealthInsurance kokuho;

    public TasksPart() {
        super(KokuhoTask.class, "", new String[][] { { "created", "125" }, { "kind", "165" }, { "state", "90" },
                { "household", "105" }, { "person", "105" }, { "changeDate", "120" }, { "subject", "260" } });
    }

    @Override
    protected String text(String key, Object... args) {
        return Messages.get(key, args);
    }

    @Override
    protected List<KokuhoTask> tasks(Operator operator, boolean includeDone) {
        return kokuho.tasks(operator, includeDone);
    }

    @Override
    protected Task task(KokuhoTask t) {
        return new Task(t.createdAt(), Messages.label(t.kind()), t.done(), t.resolvedBy(), t.note(), t.subject());
    }

    @Override
    protected List<String> details(KokuhoTask t) {
        return List.of(t.household().map(h -> h.value()).orElse(""), t.person().map(p -> p.value()).orElse(""),
                Rates.date(t.changeDate()));
    }

    @Override
    protected void resolve(Operator operator, KokuhoTask t, String note) {
        kokuho.resolveTask(operator, t.id(), note);
    }

    @Override
    protected void open(KokuhoTask t) {
        if (t.household().isPresent()) {
            HouseholdPart.show(opener, t.household().get(), KokuhoNotices.fiscalYearOf(t.changeDate()));
        }
    }
}
