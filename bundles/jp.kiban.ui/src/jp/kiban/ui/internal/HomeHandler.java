package jp.kiban.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** 業務 → ホームを表示. */
public class HomeHandler {
    @Execute
    public void execute(EPartService parts) {
        parts.showPart("jp.kiban.ui.part.home", PartState.ACTIVATE);
    }
}
