package jp.kiban.provisioning;

import java.util.List;
import java.util.Locale;

import jp.kiban.core.DomainException;
import jp.kiban.spec.ClaimProblem;
import jp.kiban.spec.ModuleStatus;

/**
 * An install or uninstall that is refused before anything changed, or that p2 could not carry out. English
 * ({@link #getMessage()}) for the log and the command line, Japanese ({@code getMessage(Locale.JAPANESE)}) for the
 * desk; texts in {@code jp/kiban/provisioning/messages*.properties}. Codes: {@code refused.whitelist},
 * {@code feature.unknown}, {@code feature.installed}, {@code feature.notInstalled}, {@code feature.notBusiness},
 * {@code repository.unavailable}, {@code plan.failed}, {@code install.failed}, {@code cancelled},
 * {@code installation.notProvisionable}.
 */
public class ProvisioningRefusal extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<ModuleStatus> refusedModules;
    private final String detail;

    public ProvisioningRefusal(String code, Object... args) {
        this(List.of(), null, code, args);
    }

    /**
     * @param refusedModules the modules the whitelist refused (code {@code refused.whitelist})
     * @param detail         p2's own explanation (English), appended as is; {@code null} for none
     */
    public ProvisioningRefusal(List<ModuleStatus> refusedModules, String detail, String code, Object... args) {
        super(code, args);
        this.refusedModules = List.copyOf(refusedModules);
        this.detail = detail;
    }

    /** The bundles the whitelist refused, with why. */
    public List<ModuleStatus> refusedModules() {
        return refusedModules;
    }

    /** p2's explanation (English), or {@code null}. */
    public String detail() {
        return detail;
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.provisioning.messages");
    }

    @Override
    public String getMessage(Locale locale) {
        StringBuilder b = new StringBuilder(super.getMessage(locale));
        boolean ja = Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
        for (ModuleStatus m : refusedModules) {
            b.append(ja ? "\n・" : "\n- ").append(m.symbolicName()).append(' ').append(m.version()).append(ja ? "：" : ": ");
            List<String> reasons = m.problems().stream().map(p -> p.message(ja ? Locale.JAPANESE : Locale.ROOT)).toList();
            b.append(String.join(ja ? "。" : "; ", reasons));
        }
        if (detail != null && !detail.isBlank()) {
            b.append('\n').append(detail.strip());
        }
        return b.toString();
    }

    /** The reasons of one refused module, for a table. */
    public static List<String> reasons(ModuleStatus module, Locale locale) {
        return module.problems().stream().map((ClaimProblem p) -> p.message(locale)).toList();
    }
}
