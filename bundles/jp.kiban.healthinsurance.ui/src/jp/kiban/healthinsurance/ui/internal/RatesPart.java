package jp.kiban.healthinsurance.ui.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.healthinsurance.KokuhoNotices;
import jp.kiban.healthinsurance.KokuhoRateService;
import jp.kiban.healthinsurance.KokuhoRates;
import jp.kiban.platform.Permission;
import jp.kiban.ui.Form;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 国保税 税率: the rates of a fiscal year (所得割率, 均等割額, 平等割額, 課税限度額 of the three parts, 基礎控除, the
 * 軽減判定 amounts and the 納期). Business staff read them; the administrator changes them (the service decides,
 * and logs the change). Every value is checked by its field, in Japanese, before anything is saved.
 */
public class RatesPart {
    public static final String SHOW = "rates.show";
    public static final String SAVE = "rates.save";
    public static final String STATUS = "rates.status";
    public static final String STATE = "rates.state";

    @Inject
    KokuhoRateService rates;
    @Inject
    Session session;

    private Form form;
    private Label state;
    private Label status;
    private Button save;
    private Composite content;
    private ScrolledComposite scroll;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(1, false));
        scroll.setContent(content);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);

        Label title = new Label(content, SWT.WRAP);
        title.setText(Messages.get("rates.title"));
        Form top = new Form(content, 1);
        top.text("rates.year", Messages.get("rates.year"), 6).setText(
                Integer.toString(KokuhoNotices.fiscalYearOf(HouseholdsPart.today())));
        Composite bar = new Composite(content, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        Button show = new Button(bar, SWT.PUSH);
        show.setText(Messages.get("rates.show"));
        show.setData(UiKeys.KEY, SHOW);
        show.addListener(SWT.Selection, e -> load(top));
        save = new Button(bar, SWT.PUSH);
        save.setText(Messages.get("rates.save"));
        save.setData(UiKeys.KEY, SAVE);
        save.addListener(SWT.Selection, e -> save(top));
        state = new Label(bar, SWT.NONE);
        state.setData(UiKeys.KEY, STATE);
        status = new Label(content, SWT.WRAP);
        status.setData(UiKeys.KEY, STATUS);
        status.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        form = new Form(content, 2);
        String section = "";
        for (String key : KokuhoRates.KEYS) {
            String s = key.startsWith("medical") || key.startsWith("support") || key.startsWith("care")
                    ? key.substring(0, key.indexOf('.')) : key.startsWith("installments") ? "installments" : "base";
            if (!s.equals(section)) {
                form.section(Messages.get("rates.section." + s));
                section = s;
            }
            form.text("rates." + key, Messages.get("rates.key." + key), 7);
        }
        boolean admin = session.operator().may(Permission.ADMINISTER);
        save.setEnabled(admin);
        if (!admin) {
            status.setText(Messages.get("rates.readOnly"));
        }
        load(top);
    }

    private void relayout() {
        content.layout(true, true);
        scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private Optional<Integer> year(Form top) {
        return top.parse("rates.year", Rates::fiscalYear, true);
    }

    void load(Form top) {
        Optional<Integer> year = year(top);
        if (year.isEmpty()) {
            relayout();
            return;
        }
        try {
            KokuhoRates r = rates.rates(session.operator(), year.get());
            r.toSettings().forEach((k, v) -> form.set("rates." + k, v));
            state.setText(rates.stored(session.operator(), year.get()) ? Messages.get("rates.stored", Messages.fiscalYear(year.get()))
                    : Messages.get("rates.defaults", Messages.fiscalYear(year.get())));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }

    void save(Form top) {
        Optional<Integer> year = year(top);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : KokuhoRates.KEYS) {
            String field = "rates." + key;
            Optional<String> v = key.endsWith("incomeRate")
                    ? form.parse(field, t -> {
                        KokuhoRates.ppm(Messages.get("rates.key." + key), t);
                        return t.strip().replace("%", "").replace("％", "");
                    }, true)
                    : form.parseYen(field, true).map(String::valueOf);
            v.ifPresent(x -> settings.put(key, x));
        }
        if (year.isEmpty() || form.hasErrors()) {
            status.setText(Messages.get("form.errors"));
            relayout();
            return;
        }
        try {
            KokuhoRates r = KokuhoRates.fromSettings(year.get(), settings);
            rates.save(session.operator(), r);
            state.setText(Messages.get("rates.stored", Messages.fiscalYear(year.get())));
            status.setText(Messages.get("rates.saved", Messages.fiscalYear(year.get())));
        } catch (DomainException e) {
            status.setText(e.getMessage(Locale.JAPANESE));
        } catch (SecurityException e) {
            status.setText(Messages.get("refused"));
        }
        relayout();
    }
}
