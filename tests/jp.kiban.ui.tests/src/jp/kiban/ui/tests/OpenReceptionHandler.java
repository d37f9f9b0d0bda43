package jp.kiban.ui.tests;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** The stand-in business bundle's menu entry. */
public class OpenReceptionHandler {
    @Execute
    public void execute(EPartService parts) {
        parts.showPart("jp.kiban.ui.tests.partdescriptor.reception", PartState.ACTIVATE);
    }
}
