package jp.kiban.addressee.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jp.kiban.addressee.AddresseeException;
import jp.kiban.addressee.BusinessCode;
import jp.kiban.addressee.MailingAddress;
import jp.kiban.addressee.MailingAddressData;
import jp.kiban.addressee.MailingAddresses;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.persistence.Transactions;
import jp.kiban.platform.Operator;

/** 送付先, kept so that at most one per number and business covers any day. */
@Component(service = MailingAddresses.class)
public class MailingAddressesComponent implements MailingAddresses {

    @Reference
    private Transactions tx;

    @Override
    public MailingAddress set(Operator operator, MailingAddressData data) {
        String who = Operators.id(operator);
        return tx.required(em -> {
            // the number's row is locked, so two terminals cannot interleave changes of one person's 送付先
            if (em.find(AddresseeEntity.class, data.number().value(), LockModeType.PESSIMISTIC_WRITE) == null) {
                throw new AddresseeException("mailing.unknownNumber");
            }
            Instant now = Instant.now();
            LocalDate from = data.validFrom();
            Optional<LocalDate> to = data.validTo();
            for (MailingAddressEntity old : rows(em, data.number(), data.business())) {
                LocalDate oldFrom = old.getValidFrom();
                LocalDate oldTo = old.getValidTo();
                boolean overlaps = (oldTo == null || !oldTo.isBefore(from)) && to.map(t -> !oldFrom.isAfter(t)).orElse(true);
                if (!overlaps) {
                    continue;
                }
                MailingAddressData kept = old.data();
                // the part after a closed new period
                if (to.isPresent() && (oldTo == null || oldTo.isAfter(to.get()))) {
                    LocalDate afterFrom = to.get().plusDays(1);
                    MailingAddressData after = new MailingAddressData(kept.number(), kept.business(), kept.recipient(),
                            kept.postalCode(), kept.address(), afterFrom, Optional.ofNullable(oldTo));
                    em.persist(new MailingAddressEntity(UUID.randomUUID().toString(), after, who, now));
                }
                // the part before, else nothing of the old row stays
                if (oldFrom.isBefore(from)) {
                    old.set(kept.until(from.minusDays(1)), who, now);
                } else {
                    em.remove(old);
                }
            }
            MailingAddressEntity e = new MailingAddressEntity(UUID.randomUUID().toString(), data, who, now);
            em.persist(e);
            return e.toMailingAddress();
        });
    }

    @Override
    public MailingAddress end(Operator operator, AddresseeNumber number, BusinessCode business, LocalDate lastDay) {
        String who = Operators.id(operator);
        return tx.required(em -> {
            em.find(AddresseeEntity.class, number.value(), LockModeType.PESSIMISTIC_WRITE);
            MailingAddressEntity e = rows(em, number, business).stream().filter(r -> r.data().covers(lastDay)).findFirst()
                    .orElseThrow(() -> new AddresseeException("mailing.noneInEffect"));
            e.set(e.data().until(lastDay), who, Instant.now());
            return e.toMailingAddress();
        });
    }

    @Override
    public Optional<MailingAddress> effective(AddresseeNumber number, BusinessCode business, LocalDate day) {
        return tx.readOnly(em -> em.createQuery("select m from AddresseeMailing m where m.number = :n and m.business = :b"
                + " and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d) order by m.validFrom desc",
                MailingAddressEntity.class)
                .setParameter("n", number.value()).setParameter("b", business.value()).setParameter("d", day)
                .setMaxResults(1).getResultList().stream().findFirst().map(MailingAddressEntity::toMailingAddress));
    }

    @Override
    public List<MailingAddress> list(AddresseeNumber number) {
        return tx.readOnly(em -> em.createQuery("select m from AddresseeMailing m where m.number = :n"
                + " order by m.business, m.validFrom", MailingAddressEntity.class)
                .setParameter("n", number.value()).getResultList().stream()
                .map(MailingAddressEntity::toMailingAddress).toList());
    }

    private static List<MailingAddressEntity> rows(EntityManager em, AddresseeNumber number, BusinessCode business) {
        return em.createQuery("select m from AddresseeMailing m where m.number = :n and m.business = :b"
                + " order by m.validFrom", MailingAddressEntity.class)
                .setParameter("n", number.value()).setParameter("b", business.value()).getResultList();
    }
}
