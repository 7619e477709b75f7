package org.musubi.portal.labs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.ObservationFlag;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.record.fhir.observation.ReferenceLimits;
import org.musubi.record.fhir.observation.ReferenceRangeText;
import tools.jackson.databind.JsonNode;

/**
 * Reads a stored lab Observation's JSON into a {@link LabResult}: analyte, value, unit, flag, reference range and
 * day. It reads the JSON tree (decimals as written, {@code 6.10} stays {@code 6.10}) instead of building HAPI's
 * model: parsing every result of a record into HAPI's Observation was a tenth of the server's CPU under the load
 * benchmark (issue 23).
 */
public final class LabObservations {

    /** The two spellings of the JLAC10 17-digit code system (URL and OID). */
    public static final Set<String> JLAC10 = Set.of(FhirSystems.JLAC10, FhirSystems.JLAC10_OID);
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Set<String> SKIPPED = Set.of("cancelled", "entered-in-error");

    private LabObservations() {
    }

    /** Reads the stored JSON of an Observation (see {@link #read(String, JsonNode, long)}). */
    public static Optional<LabResult> read(String id, String json, long facilityId) {
        return read(id, ObservationValue.tree(json), facilityId);
    }

    /** The result, or empty for a cancelled or erroneous Observation, or one without code, date or value. */
    public static Optional<LabResult> read(String id, JsonNode observation, long facilityId) {
        JsonNode code = observation.path("code");
        if (SKIPPED.contains(String.valueOf(text(observation.path("status")))) || !hasConcept(code)) {
            return Optional.empty();
        }
        Optional<Instant> when = when(observation);
        Optional<Shown> value = value(observation);
        String analyte = analyte(code);
        if (when.isEmpty() || value.isEmpty() || analyte == null) {
            return Optional.empty();
        }
        Shown shown = value.get();
        JsonNode range = observation.path("referenceRange").path(0);
        ReferenceLimits limits = ReferenceLimits.of(observation);
        Flag flag = Flag.of(ObservationFlag.of(observation, shown.read(), limits));
        return Optional.of(new LabResult(id, analyte, label(code), shown.unit(),
                day(observation), when.get(), shown.text(), shown.number(), shown.comparator(), flag, limits.low(),
                limits.high(), rangeText(range), facilityId));
    }

    /** The JLAC10 analyte (first 5 characters of the code), else the first coding's {@code system|code}. */
    static String analyte(JsonNode code) {
        for (JsonNode coding : code.path("coding")) {
            String value = text(coding.path("code"));
            if (JLAC10.contains(text(coding.path("system"))) && value != null && value.strip().length() >= 5) {
                return value.strip().substring(0, 5);
            }
        }
        for (JsonNode coding : code.path("coding")) {
            String value = text(coding.path("code"));
            if (value != null) {
                String system = text(coding.path("system"));
                return (system == null ? "" : system) + "|" + value.strip();
            }
        }
        String text = text(code.path("text"));
        return text != null ? "|" + text.strip() : null;
    }

    static String label(JsonNode code) {
        String text = text(code.path("text"));
        if (text != null) {
            return text.strip();
        }
        for (JsonNode coding : code.path("coding")) {
            String display = text(coding.path("display"));
            if (JLAC10.contains(text(coding.path("system"))) && display != null) {
                return display.strip();
            }
        }
        for (JsonNode coding : code.path("coding")) {
            String display = text(coding.path("display"));
            if (display != null) {
                return display.strip();
            }
        }
        for (JsonNode coding : code.path("coding")) {
            String value = text(coding.path("code"));
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    /** A primitive's text, {@code null} when absent or blank (as HAPI's {@code hasValue}). */
    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || !node.isValueNode()) {
            return null;
        }
        String text = node.asString();
        return text.isBlank() ? null : text;
    }

    /** Whether a CodeableConcept says anything: a coding or a text. */
    private static boolean hasConcept(JsonNode concept) {
        return concept.isObject() && (!concept.path("coding").isEmpty() || text(concept.path("text")) != null);
    }

    /** Out of range by the reference range, when the bound and the comparator make it certain. */
    static Flag byRange(BigDecimal number, String comparator, BigDecimal low, BigDecimal high) {
        return Flag.of(new ReferenceLimits(low, high).flag(number, comparator));
    }

    /** What a cell shows: the value's figure (number with comparator, {@code <0.3}) or words, and the unit apart. */
    private record Shown(String text, BigDecimal number, String comparator, String unit, ObservationValue read) {
    }

    private static Optional<Shown> value(JsonNode observation) {
        ObservationValue read = ObservationValue.of(observation);
        ObservationValue.Quantity quantity = read.quantity();
        if (quantity != null) {
            String unit = quantity.unitOrCode();
            return Optional.of(new Shown(quantity.figure(), quantity.number(), quantity.comparator(),
                    unit == null ? "" : unit, read));
        }
        String text = read.text() != null ? read.text() : read.absent();
        return text == null ? Optional.empty() : Optional.of(new Shown(text, null, null, "", read));
    }

    /** The range in the one format of every page and PDF ({@link ReferenceRangeText}); empty when none. */
    private static String rangeText(JsonNode range) {
        String text = ReferenceRangeText.of(range);
        return text == null ? "" : text;
    }

    /** The clinical time: effective[x] (a period's start), else issued. */
    private static Optional<Instant> when(JsonNode observation) {
        String text = effective(observation);
        if (text != null && text.length() >= 4) {
            return Optional.of(instant(text));
        }
        String issued = text(observation.path("issued"));
        return issued != null ? Optional.of(OffsetDateTime.parse(issued).toInstant()) : Optional.empty();
    }

    private static LocalDate day(JsonNode observation) {
        String text = effective(observation);
        if (text == null || text.length() < 4) {
            return OffsetDateTime.parse(text(observation.path("issued"))).toInstant().atZone(JAPAN).toLocalDate();
        }
        return instant(text).atZone(JAPAN).toLocalDate();
    }

    private static String effective(JsonNode observation) {
        String dateTime = text(observation.path("effectiveDateTime"));
        if (dateTime != null) {
            return dateTime;
        }
        String start = text(observation.path("effectivePeriod").path("start"));
        if (start != null) {
            return start;
        }
        return text(observation.path("effectiveInstant"));
    }

    /**
     * A FHIR dateTime as an instant: with a zone as written; a date or a time without a zone is taken
     * as Japanese time (so a day-only result stays on its day).
     */
    static Instant instant(String text) {
        if (text.length() <= 10) {
            String padded = text + "-01-01".substring(0, 10 - text.length());
            return LocalDate.parse(padded).atStartOfDay(JAPAN).toInstant();
        }
        String time = text.substring(10);
        boolean zoned = time.endsWith("Z") || time.matches(".*[+-]\\d{2}:\\d{2}$");
        return zoned ? OffsetDateTime.parse(text).toInstant()
                : LocalDateTime.parse(text).atZone(JAPAN).toInstant();
    }
}
