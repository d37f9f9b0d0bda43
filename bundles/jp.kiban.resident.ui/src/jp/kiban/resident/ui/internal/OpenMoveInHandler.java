package jp.kiban.resident.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;

import jp.kiban.ui.PartOpener;

/** 業務 menu entry: opens the part in the main stack. */
public class OpenMoveInHandler {
    @Execute
    public void execute(PartOpener opener) {
        opener.open("jp.kiban.resident.ui.part.movein");
    }
}
