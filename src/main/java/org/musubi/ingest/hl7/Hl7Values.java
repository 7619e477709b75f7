package org.musubi.ingest.hl7;

import ca.uhn.fhir.parser.DataFormatException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.CodeSystems;
import org.musubi.record.fhir.FhirSystems;

/**
 * HL7 v2 data types as JP Core FHIR values: TS/DTM to dateTime in Japan time, CWE/CE to
 * CodeableConcept (primary and alternate coding), XPN to HumanName with its kanji/kana representation,
 * XAD, XTN, sex. A value that cannot be read gives empty; callers report the field.
 */
public final class Hl7Values {

    private static final Pattern TS = Pattern.compile("(\\d{4}(?:\\d{2}){0,5})(?:\\.(\\d{1,4}))?([+-]\\d{4})?");
    private static final Pattern DAY = Pattern.compile("\\d{8}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private Hl7Values() {
    }

    /** {@code YYYY[MM[DD[HH[MM[SS[.S]]]]]][+ZZZZ]} with its precision; Japan time when no zone is sent. */
    public static Optional<DateTimeType> dateTime(String ts) {
        Matcher parts = ts == null ? null : TS.matcher(ts);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        String digits = parts.group(1);
        String zone = parts.group(3);
        String fraction = parts.group(2) == null ? "" : parts.group(2);
        if (!exists(digits)) {
            return Optional.empty();
        }
        StringBuilder iso = new StringBuilder(digits.substring(0, 4));
        String[] separators = {"-", "-", "T", ":", ":"};
        for (int i = 4, s = 0; i < digits.length(); i += 2, s++) {
            iso.append(separators[s]).append(digits, i, i + 2);
        }
        if (digits.length() == 10) {
            iso.append(":00:00");
        } else if (digits.length() == 12) {
            iso.append(":00");
        }
        if (digits.length() == 14 && !fraction.isEmpty()) {
            iso.append('.').append((fraction + "000").substring(0, 3));
        }
        if (digits.length() > 8) {
            iso.append(zone == null ? "+09:00" : zone.substring(0, 3) + ":" + zone.substring(3));
        }
        try {
            return Optional.of(new DateTimeType(iso.toString()));
        } catch (IllegalArgumentException | DateTimeParseException | DataFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the month, day and time in TS digits exist (no 2月30日, 25時; HAPI would refuse or roll them over). */
    private static boolean exists(String digits) {
        int[] fields = new int[6];
        fields[1] = 1;
        fields[2] = 1;
        for (int i = 4, f = 1; i + 2 <= digits.length(); i += 2, f++) {
            fields[f] = Integer.parseInt(digits, i, i + 2, 10);
        }
        try {
            LocalDateTime.of(Integer.parseInt(digits, 0, 4, 10), fields[1], fields[2], fields[3], fields[4], fields[5]);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The day of a TS/DT value (its first 8 digits). */
    public static Optional<LocalDate> date(String ts) {
        if (ts == null || !DAY.matcher(ts).lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(ts.substring(0, 4) + "-" + ts.substring(4, 6) + "-" + ts.substring(6, 8)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A CWE/CE: identifier^text^system[^alt identifier^alt text^alt system]; empty when it has neither code nor text. */
    public static Optional<CodeableConcept> concept(Hl7Field cwe) {
        CodeableConcept concept = new CodeableConcept();
        coding(cwe.component(1), cwe.component(2), cwe.component(3)).ifPresent(concept::addCoding);
        coding(cwe.component(4), cwe.component(5), cwe.component(6)).ifPresent(concept::addCoding);
        String text = !cwe.component(2).isEmpty() ? cwe.component(2) : cwe.component(5);
        if (!text.isEmpty()) {
            concept.setText(text);
        }
        return concept.hasCoding() || concept.hasText() ? Optional.of(concept) : Optional.empty();
    }

    public static Optional<Coding> coding(String code, String display, String system) {
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        Coding coding = new Coding(CodeSystems.uri(system, code), code, display == null || display.isEmpty() ? null : display);
        return Optional.of(coding);
    }

    /** XPN repetitions: family^given …; XPN-8 I (漢字) → IDE, P (カナ) → SYL, A → ABC. */
    public static List<HumanName> names(List<Hl7Field> xpns) {
        return xpns.stream().filter(x -> !x.component(1).isEmpty() || !x.component(2).isEmpty()).map(x -> {
            HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL);
            if (!x.component(1).isEmpty()) {
                name.setFamily(x.component(1));
            }
            if (!x.component(2).isEmpty()) {
                name.addGiven(x.component(2));
            }
            name.setText(String.join(" ", List.of(x.component(1), x.component(2))).strip());
            String representation = switch (x.component(8)) {
                case "I" -> "IDE";
                case "P" -> "SYL";
                case "A" -> "ABC";
                default -> null;
            };
            if (representation != null) {
                name.addExtension(FhirSystems.NAME_REPRESENTATION, new CodeType(representation));
            }
            return name;
        }).toList();
    }

    /** XAD: postal code (XAD-5), country (XAD-6), type (XAD-7) and the address as written (XAD-8, else street). */
    public static Optional<Address> address(Hl7Field xad) {
        String text = !xad.component(8).isEmpty() ? xad.component(8) : xad.component(1);
        if (text.isEmpty() && xad.component(5).isEmpty()) {
            return Optional.empty();
        }
        Address address = new Address().setText(text.isEmpty() ? null : text);
        if (!xad.component(5).isEmpty()) {
            address.setPostalCode(xad.component(5));
        }
        if (!xad.component(6).isEmpty()) {
            address.setCountry(xad.component(6));
        }
        address.setUse("B".equals(xad.component(7)) ? Address.AddressUse.WORK : Address.AddressUse.HOME);
        return Optional.of(address);
    }

    /** XTN: the number (XTN-12, else XTN-1) with its use (PRN home, WPN work, EMR emergency contact). */
    public static Optional<ContactPoint> phone(Hl7Field xtn) {
        String number = !xtn.component(12).isEmpty() ? xtn.component(12) : xtn.component(1);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        ContactPoint point = new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number);
        switch (xtn.component(2)) {
            case "WPN" -> point.setUse(ContactPoint.ContactPointUse.WORK);
            case "PRN" -> point.setUse(ContactPoint.ContactPointUse.HOME);
            case "ORN" -> point.setUse(ContactPoint.ContactPointUse.MOBILE);
            default -> point.setUse(ContactPoint.ContactPointUse.TEMP);
        }
        return Optional.of(point);
    }

    /** PID-8 (HL7 table 0001). */
    public static Sex sex(String code) {
        return switch (code == null ? "" : code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            case "O", "A" -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }

    public static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    /** A numeric value with its unit (a CWE: code^text^system); empty when the value is not a number. */
    public static Optional<Quantity> quantity(String value, Hl7Field unit) {
        if (value == null || !NUMBER.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        Quantity quantity = new Quantity().setValue(new BigDecimal(value.strip()));
        if (!unit.isEmpty()) {
            quantity.setUnit(unit.component(2).isEmpty() ? unit.component(1) : unit.component(2));
            if (!unit.component(1).isEmpty()) {
                quantity.setCode(unit.component(1)).setSystem(CodeSystems.uri(unit.component(3).isEmpty() ? "ISO+" : unit.component(3),
                        unit.component(1)));
            }
        }
        return Optional.of(quantity);
    }
}
