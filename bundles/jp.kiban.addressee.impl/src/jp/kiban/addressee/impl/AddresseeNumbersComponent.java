package jp.kiban.addressee.impl;

import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.persistence.Transactions;

/** Serials from addressee_number_range under a row lock; the check digit comes from the core types. */
@Component(service = AddresseeNumbers.class)
public class AddresseeNumbersComponent implements AddresseeNumbers {

    @Reference
    private Transactions tx;

    @Override
    public AddresseeNumber assign(AddresseeKind kind) {
        return tx.required(em -> {
            AddresseeNumber n = AddresseeNumber.fromSerial(next(em, "addressee"));
            em.persist(new AddresseeEntity(n.value(), kind.name(), Instant.now()));
            return n;
        });
    }

    @Override
    public HouseholdNumber assignHousehold() {
        return tx.required(em -> HouseholdNumber.fromSerial(next(em, "household")));
    }

    private static long next(EntityManager em, String range) {
        NumberRangeEntity r = em.find(NumberRangeEntity.class, range, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new IllegalStateException("Number range '" + range + "' is missing: the addressee schema is incomplete");
        }
        long serial = r.getNextSerial();
        if (serial > r.getLastSerial()) {
            throw new IllegalStateException("Number range '" + range + "' is exhausted (last " + r.getLastSerial()
                    + "); a new range must be leased");
        }
        r.setNextSerial(serial + 1);
        return serial;
    }

    @Override
    public Optional<AddresseeKind> kindOf(AddresseeNumber number) {
        return tx.readOnly(em -> Optional.ofNullable(em.find(AddresseeEntity.class, number.value()))
                .map(e -> AddresseeKind.valueOf(e.getKind())));
    }

    @Override
    public void changeKind(AddresseeNumber number, AddresseeKind kind) {
        tx.requiredRun(em -> {
            AddresseeEntity e = em.find(AddresseeEntity.class, number.value());
            if (e == null) {
                throw new IllegalArgumentException("Unknown addressee number " + number.value());
            }
            e.setKind(kind.name(), Instant.now());
        });
    }
}
