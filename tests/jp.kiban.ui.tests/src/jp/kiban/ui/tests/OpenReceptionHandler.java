package jp.kiban.ui.tests;

import org.eclipse.e4.core.di.annotations.Execute;

import jp.kiban.ui.PartOpener;

/** The stand-in business bundle's menu entry: opens its part in the main stack, as real business bundles do. */
public class OpenReceptionHandler {
    @Execute
    public void execute(PartOpener opener) {
        opener.open("jp.kiban.ui.tests.partdescriptor.reception");
    }
}
