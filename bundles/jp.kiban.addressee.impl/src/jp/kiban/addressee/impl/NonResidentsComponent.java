package jp.kiban.addressee.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jp.kiban.addressee.AddresseeDirectory;
import jp.kiban.addressee.AddresseeException;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.addressee.NameAndAddress;
import jp.kiban.addressee.NonResident;
import jp.kiban.addressee.NonResidentData;
import jp.kiban.addressee.NonResidents;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.name.Furigana;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;

/**
 * The 住登外者 register, and the addressee base's {@link AddresseeDirectory} for them: it answers
 * only for numbers whose kind is still NON_RESIDENT, so after a move-in the resident base's
 * directory is the one that knows the person.
 */
@Component(service = { NonResidents.class, AddresseeDirectory.class })
public class NonResidentsComponent implements NonResidents, AddresseeDirectory {

    static final int MAX_SEARCH = 1000;

    @Reference
    private Transactions tx;
    @Reference
    private AddresseeNumbers numbers;

    @Override
    public NonResident register(Operator operator, NonResidentData data) {
        String who = Operators.id(operator);
        return tx.required(em -> {
            AddresseeNumber n = numbers.assign(AddresseeKind.NON_RESIDENT);
            Instant now = Instant.now();
            NonResidentEntity e = new NonResidentEntity(n.value(), now);
            e.set(data, who, now);
            em.persist(e);
            return e.toNonResident(false);
        });
    }

    @Override
    public NonResident update(Operator operator, AddresseeNumber number, NonResidentData data) {
        String who = Operators.id(operator);
        return tx.required(em -> {
            NonResidentEntity e = em.find(NonResidentEntity.class, number.value());
            if (e == null) {
                throw new AddresseeException("nonResident.unknown");
            }
            if (movedIn(em, number)) {
                throw new AddresseeException("nonResident.movedIn");
            }
            e.set(data, who, Instant.now());
            return e.toNonResident(false);
        });
    }

    @Override
    public Optional<NonResident> find(AddresseeNumber number) {
        return tx.readOnly(em -> Optional.ofNullable(em.find(NonResidentEntity.class, number.value()))
                .map(e -> e.toNonResident(movedIn(em, number))));
    }

    @Override
    public List<NonResident> searchByFurigana(String reading, int limit) {
        if (limit < 1 || limit > MAX_SEARCH) {
            throw new AddresseeException("search.limit", MAX_SEARCH);
        }
        String key = NonResidentEntity.key(Furigana.of(reading).value());
        return tx.readOnly(em -> em.createQuery("select n from AddresseeNonResident n, AddresseeEntity a"
                + " where a.number = n.number and a.kind = :kind and n.furiganaKey like :key"
                + " order by n.furiganaKey, n.number", NonResidentEntity.class)
                .setParameter("kind", AddresseeKind.NON_RESIDENT.name())
                .setParameter("key", "%" + key + "%") // a Furigana holds no % or _
                .setMaxResults(limit)
                .getResultList().stream().map(e -> e.toNonResident(false)).toList());
    }

    /** The directory: name and current address of a 住登外者 who has not moved in. */
    @Override
    public Optional<NameAndAddress> lookup(AddresseeNumber number, LocalDate date) {
        return find(number).filter(r -> !r.movedIn()).map(r -> new NameAndAddress(number, r.data().displayName(),
                r.data().furigana().value(), r.data().postalCode(), r.data().address()));
    }

    private boolean movedIn(EntityManager em, AddresseeNumber number) {
        AddresseeEntity a = em.find(AddresseeEntity.class, number.value());
        return a == null || !AddresseeKind.NON_RESIDENT.name().equals(a.getKind());
    }
}
