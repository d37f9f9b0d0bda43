package jp.kiban.cli.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jp.kiban.core.DomainException;
import jp.kiban.core.address.Address;
import jp.kiban.core.address.PostalCode;
import jp.kiban.core.address.Prefecture;
import jp.kiban.core.csv.Csv;
import jp.kiban.core.date.RecordedDate;
import jp.kiban.core.date.WarekiDate;
import jp.kiban.core.id.IndividualNumber;
import jp.kiban.core.id.LocalGovernmentCode;
import jp.kiban.core.id.ResidentRecordCode;
import jp.kiban.core.name.AlphabetName;
import jp.kiban.core.name.Furigana;
import jp.kiban.core.name.KanjiName;
import jp.kiban.platform.Municipality;
import jp.kiban.resident.ChangeRequest;
import jp.kiban.resident.Domicile;
import jp.kiban.resident.ForeignResidence;
import jp.kiban.resident.MoveOutCertificate;
import jp.kiban.resident.PersonData;
import jp.kiban.resident.Relationship;
import jp.kiban.resident.ResidentRecord;
import jp.kiban.resident.ResidentType;
import jp.kiban.resident.Sex;

/**
 * The resident CSV layout for {@code kiban cli resident import / export}: one line per person,
 * households grouped by the {@code household} column, UTF-8 (BOM allowed), RFC 4180, a header line.
 * <p>
 * Import turns each household into one 転入 (国内転入 with the 転出証明書 data of the
 * {@code from_town_code} column, or 国外転入 when that column is empty), so an imported person starts
 * with one snapshot: earlier history is not migrated. All or nothing: every bad line is reported with
 * its line number and nothing is imported.
 */
public final class ResidentCsv {
    /** The columns that hold names: the 外字 mapping and the repertoire check apply to them. */
    public static final List<String> NAME_COLUMNS = List.of("family_name", "given_name", "domicile_head");

    public static final List<String> COLUMNS = List.of("household", "relationship", "family_name", "given_name",
            "furigana", "birth_date", "sex", "type", "alphabet_name", "nationality", "residence_status",
            "period_of_stay", "stay_expires_on", "card_number", "individual_number", "resident_record_code", "town",
            "lot", "building", "postal_code", "moved_in_on", "notified_on", "previous_address", "from_town_code", "domicile",
            "domicile_head");

    /** A refused line. */
    public record Problem(int line, String column, String message) {
        @Override
        public String toString() {
            return "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + message;
        }
    }

    /** The households read from a file, in file order, or the problems. */
    public record Read(List<ChangeRequest> moveIns, int persons, List<Problem> problems) {
    }

    private ResidentCsv() {
    }

    /** Reads without a name filter: names are taken as they are written. */
    public static Read read(String text, Municipality town) {
        return read(text, town, UnaryOperator.identity());
    }

    /**
     * Reads with a filter applied to every name column ({@link #NAME_COLUMNS}) before it is parsed:
     * the 外字 mapping and the repertoire check. The filter returns the text to use, or throws an
     * {@link IllegalArgumentException} whose message is reported against the line and column.
     */
    public static Read read(String text, Municipality town, UnaryOperator<String> nameFilter) {
        Csv.Parsed parsed = Csv.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<Problem> problems = new ArrayList<>();
        parsed.problems().forEach(p -> problems.add(new Problem(p.line(), "", "malformed CSV (" + p.code() + ")")));
        if (parsed.rows().isEmpty()) {
            problems.add(new Problem(1, "", "the file is empty: a header line is required"));
            return new Read(List.of(), 0, problems);
        }
        Csv.Row header = parsed.rows().get(0);
        List<String> names = header.fields().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(COLUMNS)) {
            problems.add(new Problem(header.line(), "", "the header must be exactly: " + String.join(",", COLUMNS)));
            return new Read(List.of(), 0, problems);
        }
        Map<String, List<Csv.Row>> households = new LinkedHashMap<>();
        for (Csv.Row row : parsed.rows().subList(1, parsed.rows().size())) {
            if (row.fields().size() != COLUMNS.size()) {
                problems.add(new Problem(row.line(), "", "expected " + COLUMNS.size() + " fields, found "
                        + row.fields().size()));
                continue;
            }
            String key = row.fields().get(0).strip();
            if (key.isEmpty()) {
                problems.add(new Problem(row.line(), "household", "the household key is empty"));
                continue;
            }
            households.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        if (households.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(header.line(), "", "the file has no data lines"));
        }
        List<ChangeRequest> moveIns = new ArrayList<>();
        int persons = 0;
        for (Map.Entry<String, List<Csv.Row>> h : households.entrySet()) {
            Optional<ChangeRequest> request = household(h.getKey(), h.getValue(), town, problems, nameFilter);
            if (request.isPresent()) {
                moveIns.add(request.get());
                persons += h.getValue().size();
            }
        }
        return problems.isEmpty() ? new Read(moveIns, persons, List.of()) : new Read(List.of(), 0, problems);
    }

    private static Optional<ChangeRequest> household(String key, List<Csv.Row> rows, Municipality town,
            List<Problem> problems, UnaryOperator<String> names) {
        int before = problems.size();
        List<ChangeRequest.NewMember> members = new ArrayList<>();
        Csv.Row head = null;
        for (Csv.Row row : rows) {
            Fields f = new Fields(row, problems, names);
            Optional<Relationship> rel = f.get("relationship", Relationship::ofLabel, true);
            if (rel.isPresent() && rel.get() == Relationship.HEAD) {
                if (head != null) {
                    problems.add(new Problem(row.line(), "relationship", "household " + key + " has two 世帯主 (also line "
                            + head.line() + ")"));
                }
                head = row;
            }
            Optional<PersonData> person = person(f);
            if (person.isPresent() && rel.isPresent()) {
                members.add(new ChangeRequest.NewMember(person.get(), rel.get()));
            }
        }
        if (head == null) {
            problems.add(new Problem(rows.get(0).line(), "relationship", "household " + key + " has no 世帯主"));
            return Optional.empty();
        }
        Fields f = new Fields(head, problems, names);
        String townName = f.text("town", true);
        String lot = f.text("lot", true);
        String building = f.text("building", false);
        Optional<Address> address = townName.isEmpty() || lot.isEmpty() ? Optional.empty()
                : f.get("lot", l -> {
                    Address a = Address.of(Prefecture.ofCode(town.code().prefectureCode()), town.name(), townName, l);
                    return building.isEmpty() ? a : a.withBuilding(building);
                }, true);
        Optional<PostalCode> postal = f.get("postal_code", PostalCode::of, false);
        Optional<LocalDate> movedIn = f.get("moved_in_on", v -> WarekiDate.parse(v).date(), true);
        Optional<LocalDate> notified = f.get("notified_on", v -> WarekiDate.parse(v).date(), true);
        String previous = f.text("previous_address", true);
        Optional<LocalGovernmentCode> from = f.get("from_town_code", LocalGovernmentCode::of, false);
        if (problems.size() > before || address.isEmpty() || movedIn.isEmpty() || notified.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (from.isPresent()) {
                return Optional.of(new ChangeRequest.DomesticMoveIn(movedIn.get(), notified.get(), address.get(), postal,
                        previous, new MoveOutCertificate(from.get(), movedIn.get(), town.name()), Optional.empty(),
                        members));
            }
            return Optional.of(new ChangeRequest.MoveInFromAbroad(movedIn.get(), notified.get(), address.get(), postal,
                    previous, Optional.empty(), members));
        } catch (DomainException e) {
            problems.add(new Problem(head.line(), "", e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<PersonData> person(Fields f) {
        int before = f.problems.size();
        String type = f.text("type", true);
        boolean foreign = type.equals("外国人") || type.equalsIgnoreCase("foreign");
        if (!foreign && !type.equals("日本人") && !type.equalsIgnoreCase("japanese") && !type.isEmpty()) {
            f.problem("type", "type must be 日本人 or 外国人, not '" + type + "'");
        }
        Optional<String> given = f.get("given_name", f.names, false);
        Optional<String> family = f.get("family_name", f.names, true);
        Optional<KanjiName> name = family.isEmpty() || f.problems.size() > before ? Optional.empty()
                : f.get("family_name", v -> KanjiName.of(family.get(), given.orElse("")), true);
        Optional<Furigana> kana = f.get("furigana", Furigana::of, true);
        Optional<RecordedDate> birth = f.get("birth_date", RecordedDate::parse, true);
        Optional<Sex> sex = f.get("sex", v -> v.equals("男") || v.equals("1") ? Sex.MALE
                : v.equals("女") || v.equals("2") ? Sex.FEMALE : fail("sex must be 男 or 女, not '" + v + "'"), true);
        Optional<AlphabetName> alphabet = f.get("alphabet_name", AlphabetName::of, foreign);
        Optional<IndividualNumber> number = f.get("individual_number", IndividualNumber::of, false);
        Optional<ResidentRecordCode> code = f.get("resident_record_code", ResidentRecordCode::of, false);
        Optional<ForeignResidence> residence = Optional.empty();
        if (foreign) {
            String nationality = f.text("nationality", true);
            Optional<LocalDate> expires = f.get("stay_expires_on", v -> WarekiDate.parse(v).date(), false);
            String status = f.text("residence_status", false);
            String period = f.text("period_of_stay", false);
            String card = f.text("card_number", false);
            if (!nationality.isEmpty()) {
                residence = f.get("nationality", v -> ForeignResidence.midToLongTerm(nationality,
                        status.isEmpty() ? null : status, period.isEmpty() ? null : period, expires.orElse(null),
                        card.isEmpty() ? null : card), true);
            }
        }
        String domicile = f.text("domicile", false);
        String domicileHead = f.get("domicile_head", f.names, false).orElse("");
        if (f.problems.size() > before || name.isEmpty() || kana.isEmpty() || birth.isEmpty() || sex.isEmpty()) {
            return Optional.empty();
        }
        try {
            PersonData.Builder b = PersonData.builder().type(foreign ? ResidentType.FOREIGN : ResidentType.JAPANESE)
                    .name(name.get()).furigana(kana.get()).birthDate(birth.get()).sex(sex.get());
            alphabet.ifPresent(b::alphabetName);
            residence.ifPresent(b::foreign);
            number.ifPresent(b::individualNumber);
            code.ifPresent(b::residentRecordCode);
            if (!domicile.isEmpty()) {
                b.domicile(new Domicile(domicile, domicileHead));
            }
            return Optional.of(b.build());
        } catch (DomainException e) {
            f.problem("", e.getMessage());
            return Optional.empty();
        }
    }

    private static <T> T fail(String message) {
        throw new IllegalArgumentException(message);
    }

    /** One line's fields by column name, with problems reported against the line. */
    private static final class Fields {
        private final Csv.Row row;
        private final List<Problem> problems;
        private final UnaryOperator<String> names;

        Fields(Csv.Row row, List<Problem> problems, UnaryOperator<String> names) {
            this.row = row;
            this.problems = problems;
            this.names = names;
        }

        String text(String column, boolean required) {
            String v = row.fields().get(COLUMNS.indexOf(column)).strip();
            if (v.isEmpty() && required) {
                problem(column, "required");
            }
            return v;
        }

        <T> Optional<T> get(String column, Function<String, T> parser, boolean required) {
            String v = text(column, required);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(v));
            } catch (IllegalArgumentException e) { // DomainException is one; its getMessage() is English
                problem(column, e.getMessage());
                return Optional.empty();
            }
        }

        void problem(String column, String message) {
            problems.add(new Problem(row.line(), column, message));
        }
    }

    /** One CSV line for a current snapshot (export); imports back with {@link #read}. */
    public static List<String> line(ResidentRecord r, String householdKey, String fromTownCode) {
        PersonData p = r.person();
        return List.of(householdKey, r.relationship().label(), p.name().family(), p.name().given(), p.furigana().value(),
                p.birthDate().exactDate().map(LocalDate::toString).orElse(p.birthDate().format()), p.sex().label(),
                p.type() == ResidentType.FOREIGN ? "外国人" : "日本人", p.alphabetName().map(AlphabetName::value).orElse(""),
                p.foreign().map(ForeignResidence::nationality).orElse(""),
                p.foreign().flatMap(ForeignResidence::residenceStatus).orElse(""),
                p.foreign().flatMap(ForeignResidence::periodOfStay).orElse(""),
                p.foreign().flatMap(ForeignResidence::stayExpiresOn).map(LocalDate::toString).orElse(""),
                p.foreign().flatMap(ForeignResidence::cardNumber).orElse(""),
                r.individualNumberWithheld() ? "" : p.individualNumber().map(IndividualNumber::value).orElse(""),
                p.residentRecordCode().map(ResidentRecordCode::value).orElse(""), r.address().town(),
                r.address().lotNumber(), r.address().building().orElse(""),
                r.postalCode().map(PostalCode::format).orElse(""), r.addressSince().toString(),
                r.addressNotifiedOn().orElse(r.addressSince()).toString(), r.previousAddress().orElse("（不明）"),
                fromTownCode, p.domicile().map(Domicile::registeredDomicile).orElse(""),
                p.domicile().map(Domicile::headOfFamilyRegister).orElse(""));
    }
}
