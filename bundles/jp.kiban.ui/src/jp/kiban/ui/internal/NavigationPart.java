package jp.kiban.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jp.kiban.ui.PartOpener;
import jp.kiban.ui.UiKeys;

/**
 * The navigation area: every PartDescriptor tagged {@value UiKeys#NAVIGATION_TAG}, grouped by its
 * category. Business bundles appear here by contributing descriptors through model fragments.
 */
public class NavigationPart {
    private static final System.Logger LOG = System.getLogger(NavigationPart.class.getName());
    static final String DATA_DESCRIPTOR = "kiban.descriptor";

    @Inject
    MApplication application;
    @Inject
    TranslationService translation;
    @Inject
    PartOpener opener;

    private Tree tree;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        tree = new Tree(parent, SWT.SINGLE | SWT.V_SCROLL);
        tree.setData(UiKeys.KEY, UiKeys.NAVIGATION_TREE);
        fill();
        tree.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TreeItem item && item.getData(DATA_DESCRIPTOR) instanceof String id) {
                opener.open(id);
            }
        });
    }

    private void fill() {
        Map<String, List<MPartDescriptor>> groups = new LinkedHashMap<>();
        List<MPartDescriptor> entries = new ArrayList<>();
        for (MPartDescriptor d : application.getDescriptors()) {
            if (d.getTags().contains(UiKeys.NAVIGATION_TAG)) {
                entries.add(d);
            }
        }
        entries.sort(Comparator.comparing(this::group).thenComparing(MPartDescriptor::getLocalizedLabel));
        for (MPartDescriptor d : entries) {
            groups.computeIfAbsent(group(d), k -> new ArrayList<>()).add(d);
        }
        // which bundles contribute screens: an installed business shows up here (and in tests/provisioning-it.sh)
        LOG.log(System.Logger.Level.INFO, "Desk client navigation: {0}", groups.entrySet().stream()
                .map(g -> g.getKey() + " (" + g.getValue().size() + " from "
                        + g.getValue().stream().map(NavigationPart::contributor).distinct().collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; ")));
        if (groups.isEmpty()) {
            TreeItem none = new TreeItem(tree, SWT.NONE);
            none.setText(Messages.get("nav.empty"));
            return;
        }
        for (Map.Entry<String, List<MPartDescriptor>> g : groups.entrySet()) {
            TreeItem groupItem = new TreeItem(tree, SWT.NONE);
            groupItem.setText(g.getKey());
            for (MPartDescriptor d : g.getValue()) {
                TreeItem item = new TreeItem(groupItem, SWT.NONE);
                item.setText(d.getLocalizedLabel());
                item.setData(DATA_DESCRIPTOR, d.getElementId());
            }
            groupItem.setExpanded(true);
        }
    }

    private static String contributor(MPartDescriptor d) {
        String uri = d.getContributorURI();
        if (uri == null) {
            return "?";
        }
        return uri.startsWith("platform:/plugin/") ? uri.substring("platform:/plugin/".length()) : uri;
    }

    /** The group label: the descriptor's category, translated when it is a %key of its bundle. */
    private String group(MPartDescriptor d) {
        String c = d.getCategory();
        if (c == null || c.isBlank()) {
            return "";
        }
        if (c.startsWith("%") && translation != null) {
            return translation.translate(c, d.getContributorURI());
        }
        return c;
    }
}
