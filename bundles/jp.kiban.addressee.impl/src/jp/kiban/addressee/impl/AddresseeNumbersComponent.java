package jp.kiban.addressee.impl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jp.kiban.addressee.AddresseeKind;
import jp.kiban.addressee.AddresseeNumbers;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;
import jp.kiban.persistence.Transactions;
import jp.kiban.sync.NumberLeaseKinds;
import jp.kiban.sync.NumberLeases;

/**
 * Serials from addressee_number_range under a row lock, or, when the terminal is attached to a central
 * server, from the ranges leased to this terminal ({@link NumberLeases}, kinds {@code addressee} and
 * {@code household}); the check digit comes from the core types either way. A leased serial also moves the
 * local range past it, so that a terminal detached again never hands out a number it took from a lease.
 * Publishes the two kinds ({@link NumberLeaseKinds}) with the local range's next serial as their floor.
 */
@Component(service = { AddresseeNumbers.class, NumberLeaseKinds.class })
public class AddresseeNumbersComponent implements AddresseeNumbers, NumberLeaseKinds {

    static final String ADDRESSEE_RANGE = "addressee";
    static final String HOUSEHOLD_RANGE = "household";

    @Reference
    private Transactions tx;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NumberLeases leases;

    /** For DS. */
    public AddresseeNumbersComponent() {
    }

    /** Outside DS (tests, tools): numbers over the given transactions, from {@code leases} when attached (may be null). */
    public static AddresseeNumbersComponent create(Transactions tx, NumberLeases leases) {
        AddresseeNumbersComponent c = new AddresseeNumbersComponent();
        c.tx = tx;
        c.leases = leases;
        return c;
    }

    @Override
    public AddresseeNumber assign(AddresseeKind kind) {
        return tx.required(em -> {
            AddresseeNumber n = AddresseeNumber.fromSerial(next(em, ADDRESSEE_RANGE, NumberLeases.ADDRESSEE));
            em.persist(new AddresseeEntity(n.value(), kind.name(), Instant.now()));
            return n;
        });
    }

    @Override
    public HouseholdNumber assignHousehold() {
        return tx.required(em -> HouseholdNumber.fromSerial(next(em, HOUSEHOLD_RANGE, NumberLeases.HOUSEHOLD)));
    }

    private long next(EntityManager em, String range, String leaseKind) {
        NumberRangeEntity r = em.find(NumberRangeEntity.class, range, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new IllegalStateException("Number range '" + range + "' is missing: the addressee schema is incomplete");
        }
        NumberLeases l = leases;
        if (l != null && l.attached()) {
            long serial = l.next(leaseKind); // throws LeaseExhaustedException (Japanese for the counter) when none is left
            if (serial >= r.getNextSerial()) {
                r.setNextSerial(serial + 1);
            }
            return serial;
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
    public List<Kind> kinds() {
        return tx.readOnly(em -> List.of(kind(em, ADDRESSEE_RANGE, NumberLeases.ADDRESSEE),
                kind(em, HOUSEHOLD_RANGE, NumberLeases.HOUSEHOLD)));
    }

    private static Kind kind(EntityManager em, String range, String leaseKind) {
        NumberRangeEntity r = em.find(NumberRangeEntity.class, range);
        long max = Math.min(AddresseeNumber.MAX_SERIAL, r == null ? AddresseeNumber.MAX_SERIAL : r.getLastSerial());
        return new Kind(leaseKind, max, r == null ? 1 : Math.min(max, r.getNextSerial()));
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
