package jp.kiban.forms.impl;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.persistence.Transactions;
import jp.kiban.sync.NumberLeaseKinds;

/** Tells the sync service to keep 発行番号 leased (kind {@code certificate}), above the local counter. */
@Component(service = NumberLeaseKinds.class)
public class IssueNumberLeaseKinds implements NumberLeaseKinds {

    @Reference
    private Transactions tx;

    @Override
    public List<Kind> kinds() {
        long floor = tx.readOnly(em -> IssueNumbers.localNext(em, IssueNumbers.CERTIFICATE));
        return List.of(new Kind(IssueNumbers.CERTIFICATE, IssueNumbers.MAX, Math.min(IssueNumbers.MAX, floor)));
    }
}
