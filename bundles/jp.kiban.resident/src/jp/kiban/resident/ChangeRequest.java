package jp.kiban.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jp.kiban.core.DomainException.Label;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.id.AddresseeNumber;
import jp.kiban.core.id.HouseholdNumber;

/**
 * One 異動 as the clerk entered it, one record type per kind of change. The records check only
 * what can be checked without the register (required items); the rules that need the register
 * (who is 世帯主, who is removed, dates against the record …) are checked by
 * {@link ResidentChanges}, which refuses with a {@link ResidentException}.
 * <p>
 * {@code relationships} maps, where present, give the new 続柄 of every member whose 世帯主 changes
 * (relative to the new 世帯主); a member left out is refused with a message naming the person.
 */
public sealed interface ChangeRequest {

    /** The 異動事由 the change is recorded under. */
    ChangeReason reason();

    /** 異動日. */
    LocalDate changeDate();

    /** 届出日; empty for 職権 changes. */
    Optional<LocalDate> notificationDate();

    /**
     * A person entering the register with a 転入, with the 続柄 in the household they join or form.
     * {@code existingNumber} keeps one 宛名番号 per person for life: the number of a 住登外者 who now
     * moves in, or of a former resident who comes back (再転入, the history goes on); empty for
     * someone the town has never known.
     */
    record NewMember(PersonData person, Relationship relationship, Optional<AddresseeNumber> existingNumber) {
        public NewMember {
            Objects.requireNonNull(person, "person");
            if (relationship == null) {
                throw new ResidentException("input.blank", new Label("relationship"));
            }
            existingNumber = existingNumber == null ? Optional.empty() : existingNumber;
        }

        /** A person new to the town: a 宛名番号 is assigned. */
        public NewMember(PersonData person, Relationship relationship) {
            this(person, relationship, Optional.empty());
        }
    }

    /**
     * 国内転入 with the 転出証明書. Either forms a new household ({@code joinHousehold} empty: exactly one
     * member has 続柄 世帯主) or joins an existing one at its address (no member is 世帯主).
     */
    record DomesticMoveIn(LocalDate changeDate, LocalDate notifiedOn, Address address,
            Optional<PostalCode> postalCode, String previousAddress, MoveOutCertificate certificate,
            Optional<HouseholdNumber> joinHousehold, List<NewMember> members) implements ChangeRequest {
        public DomesticMoveIn {
            required(changeDate, "changeDate");
            required(notifiedOn, "notificationDate");
            required(address, "address");
            previousAddress = ResidentException.requireText(previousAddress, "previousAddress");
            required(certificate, "moveOutCertificate");
            postalCode = opt(postalCode);
            joinHousehold = opt(joinHousehold);
            members = nonEmpty(members);
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.DOMESTIC_MOVE_IN;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /** 国外転入: as {@link DomesticMoveIn}, without 転出証明書; {@code previousAddress} is the address abroad. */
    record MoveInFromAbroad(LocalDate changeDate, LocalDate notifiedOn, Address address,
            Optional<PostalCode> postalCode, String previousAddress, Optional<HouseholdNumber> joinHousehold,
            List<NewMember> members) implements ChangeRequest {
        public MoveInFromAbroad {
            required(changeDate, "changeDate");
            required(notifiedOn, "notificationDate");
            required(address, "address");
            previousAddress = ResidentException.requireText(previousAddress, "previousAddress");
            postalCode = opt(postalCode);
            joinHousehold = opt(joinHousehold);
            members = nonEmpty(members);
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.MOVE_IN_FROM_ABROAD;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /**
     * 転居 within the town. If {@code persons} is the whole household, the household moves. If it is
     * part of it, the movers form a new household: {@code newHead} names its 世帯主 and
     * {@code relationships} the others' 続柄 (and those of the members who stay, if the 世帯主 moves).
     */
    record MoveWithinTown(LocalDate changeDate, LocalDate notifiedOn, List<AddresseeNumber> persons,
            Address address, Optional<PostalCode> postalCode, Optional<AddresseeNumber> newHead,
            Map<AddresseeNumber, Relationship> relationships) implements ChangeRequest {
        public MoveWithinTown {
            required(changeDate, "changeDate");
            required(notifiedOn, "notificationDate");
            required(address, "address");
            persons = nonEmpty(persons);
            postalCode = opt(postalCode);
            newHead = opt(newHead);
            relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        }

        /** The whole household (or everyone listed) moves; no household change. */
        public static MoveWithinTown of(LocalDate changeDate, LocalDate notificationDate, List<AddresseeNumber> persons,
                Address address, Optional<PostalCode> postalCode) {
            return new MoveWithinTown(changeDate, notificationDate, persons, address, postalCode, Optional.empty(), Map.of());
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.MOVE_WITHIN_TOWN;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /**
     * 転出 (予定): {@code plannedDate} may be in the future; the persons are 転出予定 until then and
     * 消除 from then on. If the 世帯主 leaves and others stay, {@code newHeadOfRemaining} and their
     * {@code relationships} are required.
     */
    record MoveOut(LocalDate plannedDate, LocalDate notifiedOn, List<AddresseeNumber> persons,
            String destination, boolean abroad, Optional<AddresseeNumber> newHeadOfRemaining,
            Map<AddresseeNumber, Relationship> relationships) implements ChangeRequest {
        public MoveOut {
            required(plannedDate, "plannedMoveOutDate");
            required(notifiedOn, "notificationDate");
            persons = nonEmpty(persons);
            destination = ResidentException.requireText(destination, "destination");
            newHeadOfRemaining = opt(newHeadOfRemaining);
            relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        }

        @Override
        public ChangeReason reason() {
            return abroad ? ChangeReason.MOVE_OUT_ABROAD : ChangeReason.DOMESTIC_MOVE_OUT;
        }

        @Override
        public LocalDate changeDate() {
            return plannedDate;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /**
     * 世帯分離: {@code persons} leave their household and form a new one (new 世帯番号) at the same
     * address with {@code newHead} as 世帯主. If the old 世帯主 leaves, {@code relationships} must also
     * name a new 世帯主 for those who stay (map one of them to {@link Relationship#HEAD}).
     */
    record HouseholdSplit(LocalDate changeDate, LocalDate notifiedOn, List<AddresseeNumber> persons,
            AddresseeNumber newHead, Map<AddresseeNumber, Relationship> relationships) implements ChangeRequest {
        public HouseholdSplit {
            required(changeDate, "changeDate");
            required(notifiedOn, "notificationDate");
            persons = nonEmpty(persons);
            required(newHead, "newHead");
            relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.HOUSEHOLD_SPLIT;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /** 世帯合併: every member of {@code from} joins {@code into} (same address required); {@code from} closes. */
    record HouseholdMerge(LocalDate changeDate, LocalDate notifiedOn, HouseholdNumber from, HouseholdNumber into,
            Map<AddresseeNumber, Relationship> relationships) implements ChangeRequest {
        public HouseholdMerge {
            required(changeDate, "changeDate");
            required(notifiedOn, "notificationDate");
            required(from, "householdNumber");
            required(into, "householdNumber");
            relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.HOUSEHOLD_MERGE;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /** 世帯主変更: {@code newHead} becomes 世帯主; every other member gets a new 続柄 from the map. */
    record HeadChange(LocalDate changeDate, LocalDate notifiedOn, HouseholdNumber household,
            AddresseeNumber newHead, Map<AddresseeNumber, Relationship> relationships) implements ChangeRequest {
        public HeadChange {
            required(changeDate, "changeDate");
            required(notifiedOn, "notificationDate");
            required(household, "householdNumber");
            required(newHead, "newHead");
            relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.HEAD_CHANGE;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /**
     * 出生 (記載 on the 出生届): the child enters {@code household} at its address; the 異動日 is the
     * date of birth, which must be an exact date.
     */
    record Birth(LocalDate notifiedOn, HouseholdNumber household, PersonData child, Relationship relationship)
            implements ChangeRequest {
        public Birth {
            required(notifiedOn, "notificationDate");
            required(household, "householdNumber");
            required(child, "person");
            relationship = relationship == null ? Relationship.CHILD : relationship;
            if (child.birthDate().exactDate().isEmpty()) {
                throw new ResidentException("birth.exactDate");
            }
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.BIRTH;
        }

        @Override
        public LocalDate changeDate() {
            return child.birthDate().exactDate().orElseThrow();
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /**
     * 死亡 (消除). If the person was 世帯主 and others remain, {@code newHead} and the others'
     * {@code relationships} are required.
     */
    record Death(LocalDate changeDate, LocalDate notifiedOn, AddresseeNumber person,
            Optional<AddresseeNumber> newHead, Map<AddresseeNumber, Relationship> relationships) implements ChangeRequest {
        public Death {
            required(changeDate, "changeDate");
            required(notifiedOn, "notificationDate");
            required(person, "person");
            newHead = opt(newHead);
            relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.DEATH;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.of(notifiedOn);
        }
    }

    /**
     * 職権修正 ({@code clericalError} false) or 誤記修正 (true): replaces the person's own items with
     * {@code corrected}; the snapshot's description lists what changed. A 個人番号 the operator may
     * not see is kept as it is.
     */
    record Correction(AddresseeNumber person, LocalDate changeDate, PersonData corrected, boolean clericalError,
            String note) implements ChangeRequest {
        public Correction {
            required(person, "person");
            required(changeDate, "changeDate");
            required(corrected, "person");
            note = note == null ? "" : note.strip();
        }

        @Override
        public ChangeReason reason() {
            return clericalError ? ChangeReason.CLERICAL_CORRECTION : ChangeReason.EX_OFFICIO_CORRECTION;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.empty();
        }
    }

    /**
     * 異動の取消し: appends, for every person of the confirmed change {@code changeId}, a snapshot
     * restoring the state before it (a person the change entered becomes 消除). Only a change that is
     * still the latest of all its persons can be cancelled; a cancellation cannot be cancelled.
     * {@link #changeDate()} is not known until the change is looked up; the register records the
     * cancelled change's 異動日.
     */
    record Cancellation(UUID changeId, String note) implements ChangeRequest {
        public Cancellation {
            Objects.requireNonNull(changeId, "changeId");
            note = ResidentException.requireText(note, "cancellationNote");
        }

        @Override
        public ChangeReason reason() {
            return ChangeReason.CANCELLATION;
        }

        /** Unknown here: null. */
        @Override
        public LocalDate changeDate() {
            return null;
        }

        @Override
        public Optional<LocalDate> notificationDate() {
            return Optional.empty();
        }
    }

    private static void required(Object value, String label) {
        if (value == null) {
            throw new ResidentException("input.blank", new Label(label));
        }
    }

    private static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        if (list == null || list.isEmpty()) {
            throw new ResidentException("change.noPersons");
        }
        return List.copyOf(list);
    }
}
