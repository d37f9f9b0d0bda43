package jp.kiban.childallowance.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;

import jp.kiban.ui.PartOpener;

/** 業務 menu entry: opens the 児童手当 受給者一覧 in the main stack. */
public class OpenRecipientsHandler {
    @Execute
    public void execute(PartOpener opener) {
        opener.open(RecipientsPart.DESCRIPTOR);
    }
}
