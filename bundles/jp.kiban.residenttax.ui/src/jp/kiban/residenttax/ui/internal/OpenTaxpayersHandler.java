package jp.kiban.residenttax.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;

import jp.kiban.ui.PartOpener;

/** 業務 menu entry: opens the 住民税 課税対象者一覧 in the main stack. */
public class OpenTaxpayersHandler {
    @Execute
    public void execute(PartOpener opener) {
        opener.open(TaxpayersPart.DESCRIPTOR);
    }
}
