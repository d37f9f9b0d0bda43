package jp.kiban.addressee.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jp.kiban.addressee.AddressLabel;
import jp.kiban.addressee.AddressLabels;
import jp.kiban.addressee.AddresseeDirectory;
import jp.kiban.addressee.BusinessCode;
import jp.kiban.addressee.LabelRun;
import jp.kiban.addressee.MailingAddress;
import jp.kiban.addressee.MailingAddresses;
import jp.kiban.addressee.NameAndAddress;
import jp.kiban.addressee.PostalAddress;
import jp.kiban.core.CounterInput;
import jp.kiban.core.address.Address;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.NameCharacters;

/** Label data: 送付先 first, else the first directory (by service ranking) that knows the person. */
@Component(service = AddressLabels.class)
public class AddressLabelsComponent implements AddressLabels {

    /** Highest service ranking first, then the oldest service. */
    private record Key(int ranking, long id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(o.ranking, ranking);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private final Map<Key, AddresseeDirectory> directories = new ConcurrentSkipListMap<>();

    @Reference
    private MailingAddresses mailing;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDirectory")
    void addDirectory(AddresseeDirectory directory, Map<String, Object> properties) {
        directories.put(key(properties), directory);
    }

    void removeDirectory(AddresseeDirectory directory, Map<String, Object> properties) {
        directories.remove(key(properties));
    }

    private static Key key(Map<String, Object> p) {
        Object ranking = p.get(Constants.SERVICE_RANKING);
        return new Key(ranking instanceof Integer i ? i : 0, ((Number) p.get(Constants.SERVICE_ID)).longValue());
    }

    @Override
    public LabelRun labels(List<AddresseeNumber> numbers, BusinessCode business, LocalDate day) {
        List<AddressLabel> labels = new ArrayList<>();
        List<LabelRun.Missing> missing = new ArrayList<>();
        List<AddresseeDirectory> asked = List.copyOf(directories.values());
        for (AddresseeNumber number : new LinkedHashSet<>(numbers)) {
            Optional<NameAndAddress> person = asked.stream().map(d -> d.lookup(number, day)).flatMap(Optional::stream)
                    .findFirst();
            if (person.isEmpty()) {
                missing.add(new LabelRun.Missing(number, LabelRun.Reason.UNKNOWN_PERSON));
                continue;
            }
            NameAndAddress p = person.get();
            String name = p.name() + CounterInput.FULL_WIDTH_SPACE + "様";
            Optional<MailingAddress> m = mailing.effective(number, business, day);
            if (m.isPresent()) {
                labels.add(new AddressLabel(number, m.get().data().postalCode(), lines(m.get().data().address()),
                        m.get().data().recipient(), name, p.furigana(), AddressLabel.Source.MAILING_ADDRESS));
            } else if (p.whereabouts().isPresent()) {
                labels.add(new AddressLabel(number, p.postalCode(), lines(p.whereabouts().get()), Optional.empty(), name,
                        p.furigana(), AddressLabel.Source.REGISTERED_ADDRESS));
            } else {
                missing.add(new LabelRun.Missing(number, LabelRun.Reason.NO_ADDRESS));
            }
        }
        labels.sort(AddressLabel.MAILING_ORDER);
        return new LabelRun(labels, missing);
    }

    /**
     * At most 3 lines. In Japan: 都道府県+市区町村+町字+番地 on one line, split after the 市区町村 when
     * longer than {@link #LINE_LENGTH}; then the 方書. Abroad: the written lines, the fourth joined to the third.
     */
    static List<String> lines(PostalAddress address) {
        List<String> lines = new ArrayList<>();
        if (address instanceof PostalAddress.Domestic d) {
            Address a = d.address();
            String head = a.prefecture().kanji() + a.municipality();
            String rest = a.town() + a.lotNumber();
            if (NameCharacters.count(head + rest) <= LINE_LENGTH) {
                lines.add(head + rest);
            } else {
                lines.add(head);
                lines.add(rest);
            }
            a.building().ifPresent(lines::add);
        } else if (address instanceof PostalAddress.Abroad f) {
            List<String> written = f.lines();
            lines.addAll(written.subList(0, Math.min(2, written.size())));
            if (written.size() > 2) {
                lines.add(String.join(" ", written.subList(2, written.size())));
            }
        }
        return lines;
    }
}
