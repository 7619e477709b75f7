package org.musubi.portal.labs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

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
    /** Decimals kept as written: a value's text and its reference range show what the laboratory sent. */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final Set<String> SKIPPED = Set.of("cancelled", "entered-in-error");

    private LabObservations() {
    }

    /** Reads the stored JSON of an Observation (see {@link #read(String, JsonNode, long)}). */
    public static Optional<LabResult> read(String id, String json, long facilityId) {
        return read(id, JSON.readTree(json), facilityId);
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
        BigDecimal low = decimal(range.path("low").path("value"));
        BigDecimal high = decimal(range.path("high").path("value"));
        List<String> interpretations = new ArrayList<>();
        for (JsonNode concept : observation.path("interpretation")) {
            for (JsonNode coding : concept.path("coding")) {
                interpretations.add(text(coding.path("code")));
            }
        }
        Flag flag = Optional.ofNullable(Flag.ofInterpretation(interpretations))
                .orElseGet(() -> byRange(shown.number(), shown.comparator(), low, high));
        return Optional.of(new LabResult(id, analyte, label(code), shown.unit(),
                day(observation), when.get(), shown.text(), shown.number(), shown.comparator(), flag, low, high,
                rangeText(range, low, high), facilityId));
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

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    /** A decimal as written (HAPI's {@code getValueAsString}). */
    private static String written(JsonNode node) {
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
    }

    /** Out of range by the reference range, when the bound and the comparator make it certain. */
    static Flag byRange(BigDecimal number, String comparator, BigDecimal low, BigDecimal high) {
        if (number == null) {
            return Flag.NONE;
        }
        boolean below = comparator == null || comparator.startsWith("<");
        boolean above = comparator == null || comparator.startsWith(">");
        if (high != null && above && (number.compareTo(high) > 0 || ">".equals(comparator) && number.compareTo(high) == 0)) {
            return Flag.HIGH;
        }
        if (low != null && below && (number.compareTo(low) < 0 || "<".equals(comparator) && number.compareTo(low) == 0)) {
            return Flag.LOW;
        }
        return Flag.NONE;
    }

    private record Shown(String text, BigDecimal number, String comparator, String unit) {
    }

    private static Optional<Shown> value(JsonNode observation) {
        JsonNode quantity = observation.path("valueQuantity");
        if (quantity.isObject()) {
            if (!quantity.path("value").isNumber()) {
                return Optional.empty();
            }
            String comparator = text(quantity.path("comparator"));
            String unit = text(quantity.path("unit")) != null ? text(quantity.path("unit")).strip()
                    : text(quantity.path("code")) != null ? text(quantity.path("code")) : "";
            return Optional.of(new Shown((comparator == null ? "" : comparator) + written(quantity.path("value")),
                    decimal(quantity.path("value")), comparator, unit));
        }
        String string = text(observation.path("valueString"));
        if (string != null) {
            return Optional.of(new Shown(string.strip(), null, null, ""));
        }
        if (hasConcept(observation.path("valueCodeableConcept"))) {
            String text = label(observation.path("valueCodeableConcept"));
            return text.isEmpty() ? Optional.empty() : Optional.of(new Shown(text, null, null, ""));
        }
        if (hasConcept(observation.path("dataAbsentReason"))) {
            String text = label(observation.path("dataAbsentReason"));
            return Optional.of(new Shown(text.isEmpty() ? "—" : text, null, null, ""));
        }
        return Optional.empty();
    }

    private static String rangeText(JsonNode range, BigDecimal low, BigDecimal high) {
        if (!range.isObject()) {
            return "";
        }
        String text = text(range.path("text"));
        if (text != null) {
            return text.strip();
        }
        if (low == null && high == null) {
            return "";
        }
        return (low == null ? "" : written(range.path("low").path("value"))) + "–"
                + (high == null ? "" : written(range.path("high").path("value")));
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
                : java.time.LocalDateTime.parse(text).atZone(JAPAN).toInstant();
    }
}
