package org.musubi.record.fhir.medication;

import static org.musubi.record.fhir.FhirJson.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.text.PlainText;
import tools.jackson.databind.JsonNode;

/**
 * One stored medication as a course of days: what drug, from when to when it is taken, whether it was given in a stay,
 * and whether its status lets it be taken now. The one reader of a medication's supply and period
 * ({@code daysSupply}, {@code dispenseRequest.expectedSupplyDuration}, the dosage's {@code boundsDuration} and
 * {@code boundsPeriod}, {@code effectivePeriod}) for every screen, letter, document and answer; {@code FhirVocabularyTest}
 * fails the build on one read elsewhere.
 *
 * <ul>
 * <li>a dispensing ({@code MedicationDispense}) from the day it was handed over for its days' supply;</li>
 * <li>a prescription ({@code MedicationRequest}) from the start of its dosage's period (else the day it was written)
 * for its expected supply, else its dosage's duration, else to its dosage's period's end, else one day — and a
 * facility's hand-published note of the medicines it prescribes (tagged {@link FhirSystems#PUBLISHED_BY_HAND}) with
 * no end: it holds until the facility withdraws it;</li>
 * <li>an administration ({@code MedicationAdministration}) on its day (or period);</li>
 * <li>a facility's hand-published note stored as a {@code MedicationStatement} (before 2026-11-28) likewise, with no
 * end. What a person says they take themself (OTC drugs, supplements: the other statements) is theirs to report, read
 * by {@code phr.sheet.SelfReports}, not a course here.</li>
 * </ul>
 * A course is given in a stay ({@link #inpatient}) when it is an administration, or a prescription its sender marked
 * an inpatient order (HL7 v2 table 0482 {@code I}, FHIR's {@code inpatient}, MERIT-9's {@code IHP} 入院処方).
 *
 * @param ref        the stored resource, {@code Type/id}
 * @param facilityId the facility that sent it
 * @param name       the drug in words, as sent
 * @param concept    the drug's CodeableConcept as sent (its codings for a letter's document)
 * @param yjCode     its YJ code, or {@code null}
 * @param start      the first day taken (Japan's day)
 * @param end        the last day taken, inclusive; {@code null} when it holds until withdrawn
 * @param inpatient  given in a stay: taken now only while that stay is open
 * @param live       its status lets it be taken (not stopped, cancelled, on hold, declined or not done)
 * @param dosage     the dosage in words, as sent, or {@code null}
 */
public record MedicationCourse(String ref, long facilityId, Kind kind, String name, JsonNode concept, String yjCode,
                               LocalDate start, LocalDate end, boolean inpatient, boolean live, String dosage) {

    /** The longest supply a course is read to have, in days: a longer one is taken as a year. */
    static final int MAX_DAYS = 366;
    private static final Set<String> STOPPED = Set.of("cancelled", "stopped", "entered-in-error", "draft", "on-hold",
            "declined", "not-done", "not-taken");
    private static final Set<String> STATEMENT_LIVE = Set.of("active", "intended");

    /** What kind of record the course is. */
    public enum Kind {
        PRESCRIPTION, DISPENSING, ADMINISTRATION,
        /** A facility's hand-published note of the medicines it prescribes. */
        PUBLISHED
    }

    /** The course a stored resource is, if it is one (never one deleted or entered in error). */
    public static Optional<MedicationCourse> of(StoredResource stored, JsonNode r) {
        if (stored.deleted() || FhirJson.enteredInError(r)) {
            return Optional.empty();
        }
        boolean published = published(r);
        Kind kind = switch (stored.type()) {
            case "MedicationRequest" -> published ? Kind.PUBLISHED : Kind.PRESCRIPTION;
            case "MedicationDispense" -> Kind.DISPENSING;
            case "MedicationAdministration" -> Kind.ADMINISTRATION;
            case "MedicationStatement" -> published ? Kind.PUBLISHED : null;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        JsonNode concept = MedicationConcept.of(r);
        String name = FhirJson.concept(concept);
        Instant at = start(stored.type(), r);
        if (at == null || name == null) {
            return Optional.empty();
        }
        LocalDate start = at.atZone(FhirJson.JAPAN).toLocalDate();
        LocalDate end = published ? null : end(stored.type(), r, start);
        String status = text(r.path("status"));
        boolean live = stored.type().equals("MedicationStatement") ? STATEMENT_LIVE.contains(status)
                : status == null || !STOPPED.contains(status);
        return Optional.of(new MedicationCourse(stored.type() + "/" + stored.id(), stored.sourceFacilityId(), kind, name,
                concept, yj(concept), start, end, inpatient(stored.type(), r), live, dosage(stored.type(), r)));
    }

    /**
     * What makes two courses the same line of a medication list: the ingredient and strength — a YJ code's first nine
     * characters (薬効分類, 投与経路・成分, 剤形, 規格; the brand and check digit left out) — else the drug's name as
     * {@link PlainText} compares names.
     */
    public String key() {
        return yjCode != null && yjCode.length() >= 9 ? "yj:" + yjCode.substring(0, 9).toUpperCase(Locale.ROOT)
                : "name:" + PlainText.of(name);
    }

    /** The days it covers (an open course: from its start to {@code today}). */
    public int days(LocalDate today) {
        LocalDate last = end != null ? end : today.isBefore(start) ? start : today;
        return (int) Math.min(MAX_DAYS, java.time.temporal.ChronoUnit.DAYS.between(start, last) + 1);
    }

    /** The days' supply, as the record states it (a dispensing's or a prescription's), or {@code null}. */
    public Integer statedDays() {
        return end == null ? null : days(end);
    }

    /**
     * The supply as the record states it, in its own words for a detail line ({@code 28 日}): a dispensing's days'
     * supply, a prescription's expected supply; {@code null} when it states none.
     */
    public static String statedSupply(String type, JsonNode r) {
        return switch (type) {
            case "MedicationDispense" -> FhirJson.quantity(r.path("daysSupply"));
            case "MedicationRequest" -> FhirJson.quantity(r.path("dispenseRequest").path("expectedSupplyDuration"));
            default -> null;
        };
    }

    /** A dispensing's days' supply held in HAPI's model (the JAHIS notebook writes it back as sent), or empty. */
    public static Optional<java.math.BigDecimal> daysSupply(org.hl7.fhir.r4.model.MedicationDispense dispense) {
        return dispense.hasDaysSupply() && dispense.getDaysSupply().hasValue()
                ? Optional.of(dispense.getDaysSupply().getValue()) : Optional.empty();
    }

    private static boolean published(JsonNode r) {
        for (JsonNode tag : r.path("meta").path("tag")) {
            if (FhirSystems.PUBLISHED_BY_HAND.equals(text(tag.path("system")))) {
                return true;
            }
        }
        return false;
    }

    private static Instant start(String type, JsonNode r) {
        return switch (type) {
            case "MedicationDispense" -> FhirJson.firstInstant(r.path("whenHandedOver"), r.path("whenPrepared"));
            case "MedicationRequest" -> FhirJson.firstInstant(timing(r).path("boundsPeriod").path("start"),
                    r.path("authoredOn"));
            case "MedicationAdministration" -> FhirJson.firstInstant(r.path("effectiveDateTime"),
                    r.path("effectivePeriod").path("start"));
            default -> FhirJson.firstInstant(r.path("effectivePeriod").path("start"), r.path("effectiveDateTime"),
                    r.path("dateAsserted"));
        };
    }

    /** The last day taken (see the class); one day when the record says nothing of its length. */
    private static LocalDate end(String type, JsonNode r, LocalDate start) {
        double days = switch (type) {
            case "MedicationDispense" -> duration(r.path("daysSupply"));
            case "MedicationRequest" -> {
                double supply = duration(r.path("dispenseRequest").path("expectedSupplyDuration"));
                yield supply > 0 ? supply : duration(timing(r).path("boundsDuration"));
            }
            default -> 0;
        };
        if (days > 0) {
            return start.plusDays((long) Math.min(Math.ceil(days), MAX_DAYS) - 1);
        }
        JsonNode period = type.equals("MedicationRequest") ? timing(r).path("boundsPeriod") : r.path("effectivePeriod");
        Instant last = FhirJson.instant(period.path("end"));
        if (last != null) {
            LocalDate day = last.atZone(FhirJson.JAPAN).toLocalDate();
            return day.isBefore(start) ? start : day.isAfter(start.plusDays(MAX_DAYS - 1)) ? start.plusDays(MAX_DAYS - 1) : day;
        }
        return start;
    }

    /** A Duration's or Quantity's length in days (days, weeks, months, hours), 0 when not given. */
    private static double duration(JsonNode quantity) {
        double value = quantity.path("value").asDouble(0);
        if (value <= 0) {
            return 0;
        }
        String unit = Optional.ofNullable(text(quantity.path("code"))).orElse(text(quantity.path("unit")));
        return switch (unit == null ? "d" : unit.strip().toLowerCase(Locale.ROOT)) {
            case "wk", "week", "weeks", "週", "週間" -> value * 7;
            case "mo", "month", "months", "月", "か月", "ヶ月" -> value * 30;
            case "h", "hour", "hours", "時間" -> value / 24;
            default -> value;
        };
    }

    private static JsonNode timing(JsonNode r) {
        return r.path("dosageInstruction").path(0).path("timing").path("repeat");
    }

    private static boolean inpatient(String type, JsonNode r) {
        if (type.equals("MedicationAdministration")) {
            return true;
        }
        if (!type.equals("MedicationRequest")) {
            return false;
        }
        for (JsonNode category : r.path("category")) {
            for (JsonNode coding : category.path("coding")) {
                String system = text(coding.path("system"));
                String code = text(coding.path("code"));
                if (FhirSystems.ORDER_TYPE.equals(system) && "I".equals(code)
                        || FhirSystems.MEDICATION_REQUEST_CATEGORY.equals(system) && "inpatient".equals(code)
                        || FhirSystems.MEDICATION_CATEGORY_MERIT9.equals(system) && "IHP".equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String yj(JsonNode concept) {
        for (JsonNode coding : concept.path("coding")) {
            String system = text(coding.path("system"));
            if ((FhirSystems.YJ.equals(system) || FhirSystems.YJ_OID.equals(system) || FhirSystems.YJ_OID_ALIAS.equals(system))
                    && text(coding.path("code")) != null) {
                return text(coding.path("code")).strip();
            }
        }
        return null;
    }

    private static String dosage(String type, JsonNode r) {
        return switch (type) {
            case "MedicationAdministration" -> text(r.path("dosage").path("text"));
            case "MedicationStatement" -> text(r.path("dosage").path(0).path("text"));
            default -> text(r.path("dosageInstruction").path(0).path("text"));
        };
    }
}
