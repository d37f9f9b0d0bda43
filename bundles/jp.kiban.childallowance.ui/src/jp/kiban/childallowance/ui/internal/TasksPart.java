package jp.kiban.childallowance.ui.internal;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jp.kiban.childallowance.AllowanceTask;
import jp.kiban.childallowance.ApplicationTrigger;
import jp.kiban.childallowance.ChildAllowance;
import jp.kiban.childallowance.TaskKind;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.platform.Operator;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentRegistry;

/**
 * 児童手当 確認事項: what resident events left for the clerk (認定請求の勧奨 after a birth or 転入 with the last day of the
 * 15日特例, 額改定 after a birth, 消滅 after a 転出 or death …). A double-click opens the recipient, or the 認定請求 form
 * filled in for the household's head; 完了 records who looked at it, with a note.
 */
public class TasksPart extends jp.kiban.ui.TasksPart<AllowanceTask> {
    public static final String TABLE = "jidoteate.tasks.table";
    public static final String DONE = "jidoteate.tasks.includeDone";
    public static final String NOTE = "jidoteate.tasks.note";
    public static final String RESOLVE = "jidoteate.tasks.resolve";
    public static final String STATUS = "jidoteate.tasks.status";

    @Inject
    ChildAllowance allowance;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ResidentRegistry registry;

    public TasksPart() {
        super(AllowanceTask.class, "jidoteate.",
                new String[][] { { "created", "125" }, { "kind", "215" }, { "state", "80" }, { "household", "105" },
                        { "person", "105" }, { "changeDate", "120" }, { "deadline", "120" }, { "subject", "280" } });
    }

    @Override
    protected String text(String key, Object... args) {
        return Messages.get(key, args);
    }

    @Override
    protected List<AllowanceTask> tasks(Operator operator, boolean includeDone) {
        return allowance.tasks(operator, includeDone);
    }

    @Override
    protected Task task(AllowanceTask t) {
        return new Task(t.createdAt(), t.kind().label(), t.done(), t.resolvedBy(), t.note(), t.subject());
    }

    @Override
    protected List<String> details(AllowanceTask t) {
        return List.of(t.household().map(h -> h.value()).orElse(""), t.person().map(p -> p.value()).orElse(""),
                Messages.date(t.changeDate()), t.deadline().map(Messages::date).orElse(""));
    }

    @Override
    protected void resolve(Operator operator, AllowanceTask t, String note) {
        allowance.resolveTask(operator, t.id(), note);
    }

    /** The recipient the task is about, or the 認定請求 for the head of the household (births and move-ins). */
    @Override
    protected void open(AllowanceTask t) {
        if (t.recipient().isPresent()) {
            RecipientPart.show(opener, t.recipient().get());
            return;
        }
        if (registry == null || t.person().isEmpty()) {
            return;
        }
        ApplicationTrigger trigger = t.kind() == TaskKind.BIRTH_APPLICATION ? ApplicationTrigger.BIRTH : ApplicationTrigger.MOVE_IN;
        Optional<ResidentRecord> person = registry.current(session.operator(), t.person().get());
        AddresseeNumber applicant = person.flatMap(p -> registry.household(session.operator(), p.householdNumber()).head())
                .map(ResidentRecord::addresseeNumber).orElse(t.person().get());
        ApplicationPart.prefill(opener, applicant, trigger, t.changeDate());
    }
}
