package jp.kiban.resident.ui.internal;

import java.util.List;

import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.swt.widgets.Text;

import jp.kiban.addressee.TownDictionary;
import jp.kiban.addressee.TownEntry;

/**
 * 町字 entry with completion from the town's 住所辞書: typing the start of the name or its reading
 * (ホン, ほん …) proposes matching 町字; choosing one fills the 町字 and its 郵便番号.
 */
final class TownCompletion {
    private TownCompletion() {
    }

    static void attach(Text town, Text postal, TownDictionary dictionary) {
        ContentProposalAdapter adapter = new ContentProposalAdapter(town, new TextContentAdapter(), (contents, position) -> {
            String typed = contents.substring(0, Math.min(position, contents.length())).strip();
            if (typed.isEmpty()) {
                return new IContentProposal[0];
            }
            try {
                List<TownEntry> hits = dictionary.complete(typed, 12);
                return hits.stream().map(e -> (IContentProposal) new ContentProposal(e.name(),
                        e.name() + "（" + e.kana() + "）" + e.postalCode().map(p -> "　〒" + p.format()).orElse(""),
                        e.code())).toArray(IContentProposal[]::new);
            } catch (RuntimeException e) {
                return new IContentProposal[0];
            }
        }, null, null);
        adapter.setAutoActivationDelay(150);
        adapter.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_REPLACE);
        adapter.addContentProposalListener(p -> dictionary.complete(p.getContent(), 12).stream()
                .filter(e -> e.name().equals(p.getContent())).findFirst()
                .flatMap(TownEntry::postalCode).ifPresent(pc -> postal.setText(pc.format())));
    }
}
