package jp.kiban.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jp.kiban.ui.UiKeys;

/** The stand-in business part contributed by this bundle's model fragment. */
public class ReceptionTestPart {
    static final String LABEL_ID = "test.reception.label";

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        Label l = new Label(parent, SWT.NONE);
        l.setData(UiKeys.KEY, LABEL_ID);
        l.setText("テスト業務の画面です");
    }
}
