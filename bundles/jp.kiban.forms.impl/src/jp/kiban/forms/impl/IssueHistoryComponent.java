package jp.kiban.forms.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.forms.FormException;
import jp.kiban.forms.IssueHistory;
import jp.kiban.forms.IssueRecord;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;

/** 交付履歴照会 over {@link IssueLog}'s tables. */
@Component(service = IssueHistory.class)
public class IssueHistoryComponent implements IssueHistory {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger
            .getLogger(IssueHistoryComponent.class.getName());

    @Reference
    private Transactions tx;
    /** The sync outbox: a disposal is shipped to the central store in its transaction. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile jp.kiban.sync.Outbox outbox;

    @Override
    public List<IssueRecord> find(Operator operator, Optional<AddresseeNumber> person, LocalDate from, LocalDate to) {
        if (!operator.may(Permission.VIEW_RESIDENTS)) {
            throw new FormException("history.notPermitted");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new FormException("history.periodReversed", from, to);
        }
        return tx.readOnly(em -> IssueLog.find(em, person == null ? Optional.empty() : person, from, to));
    }

    @Override
    public void dispose(Operator operator, String issueNumber, String note) {
        if (!operator.may(Permission.REGISTER_CHANGE)) {
            throw new FormException("history.disposeNotPermitted");
        }
        String typed = issueNumber == null ? "" : issueNumber.strip();
        String number = typed.matches("\\d{1,8}") ? IssueNumbers.format(Long.parseLong(typed)) : typed;
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            throw new FormException("history.disposeNote");
        }
        tx.requiredRun(em -> {
            if (IssueLog.dispose(em, number, operator, why, outbox) == 0) {
                throw new FormException(IssueLog.issued(em, number) ? "history.alreadyDisposed" : "history.unknownNumber",
                        number);
            }
        });
        LOG.info(() -> "Certificate " + number + " marked as disposed of by " + operator.id());
    }
}
