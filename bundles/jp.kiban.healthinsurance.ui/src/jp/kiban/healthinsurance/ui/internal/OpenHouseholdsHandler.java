package jp.kiban.healthinsurance.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;

import jp.kiban.ui.PartOpener;

/** 業務 menu entry: opens the 国保世帯一覧 in the main stack. */
public class OpenHouseholdsHandler {
    @Execute
    public void execute(PartOpener opener) {
        opener.open(HouseholdsPart.DESCRIPTOR);
    }
}
