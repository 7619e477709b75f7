package org.musubi.portal.labs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.record.fhir.FhirSystems;

/** Reads a lab Observation into a {@link LabResult}: analyte, value, unit, flag, reference range and day. */
public final class LabObservations {

    /** The two spellings of the JLAC10 17-digit code system (URL and OID). */
    public static final Set<String> JLAC10 = Set.of(FhirSystems.JLAC10, FhirSystems.JLAC10_OID);
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Set<ObservationStatus> SKIPPED = Set.of(ObservationStatus.CANCELLED,
            ObservationStatus.ENTEREDINERROR);

    private LabObservations() {
    }

    /** The result, or empty for a cancelled or erroneous Observation, or one without code, date or value. */
    public static Optional<LabResult> read(String id, Observation observation, long facilityId) {
        if (SKIPPED.contains(observation.getStatus()) || !observation.hasCode()) {
            return Optional.empty();
        }
        Optional<Instant> when = when(observation);
        Optional<Shown> value = value(observation);
        String analyte = analyte(observation.getCode());
        if (when.isEmpty() || value.isEmpty() || analyte == null) {
            return Optional.empty();
        }
        Shown shown = value.get();
        ObservationReferenceRangeComponent range = observation.getReferenceRange().stream().findFirst().orElse(null);
        BigDecimal low = range != null && range.getLow().hasValue() ? range.getLow().getValue() : null;
        BigDecimal high = range != null && range.getHigh().hasValue() ? range.getHigh().getValue() : null;
        Flag flag = Optional.ofNullable(Flag.ofInterpretation(observation.getInterpretation().stream()
                        .flatMap(c -> c.getCoding().stream()).map(Coding::getCode).toList()))
                .orElseGet(() -> byRange(shown.number(), shown.comparator(), low, high));
        return Optional.of(new LabResult(id, analyte, label(observation.getCode()), shown.unit(),
                day(observation), when.get(), shown.text(), shown.number(), shown.comparator(), flag, low, high,
                rangeText(range, low, high), facilityId));
    }

    /** The JLAC10 analyte (first 5 characters of the code), else the first coding's {@code system|code}. */
    static String analyte(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (JLAC10.contains(coding.getSystem()) && coding.hasCode() && coding.getCode().strip().length() >= 5) {
                return coding.getCode().strip().substring(0, 5);
            }
        }
        return code.getCoding().stream().filter(Coding::hasCode).findFirst()
                .map(c -> (c.hasSystem() ? c.getSystem() : "") + "|" + c.getCode().strip())
                .orElse(code.hasText() ? "|" + code.getText().strip() : null);
    }

    static String label(CodeableConcept code) {
        if (code.hasText()) {
            return code.getText().strip();
        }
        List<Coding> codings = code.getCoding();
        return codings.stream().filter(c -> JLAC10.contains(c.getSystem()) && c.hasDisplay()).findFirst()
                .or(() -> codings.stream().filter(Coding::hasDisplay).findFirst()).map(c -> c.getDisplay().strip())
                .orElseGet(() -> codings.stream().filter(Coding::hasCode).findFirst().map(Coding::getCode).orElse(""));
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

    private static Optional<Shown> value(Observation observation) {
        if (observation.hasValueQuantity()) {
            Quantity quantity = observation.getValueQuantity();
            if (!quantity.hasValue()) {
                return Optional.empty();
            }
            String comparator = quantity.hasComparator() ? quantity.getComparator().toCode() : null;
            String unit = quantity.hasUnit() ? quantity.getUnit().strip() : quantity.hasCode() ? quantity.getCode() : "";
            String number = quantity.getValueElement().getValueAsString();
            return Optional.of(new Shown((comparator == null ? "" : comparator) + number, quantity.getValue(),
                    comparator, unit));
        }
        if (observation.hasValueStringType() && observation.getValueStringType().hasValue()) {
            return Optional.of(new Shown(observation.getValueStringType().getValue().strip(), null, null, ""));
        }
        if (observation.hasValueCodeableConcept()) {
            String text = label(observation.getValueCodeableConcept());
            return text.isEmpty() ? Optional.empty() : Optional.of(new Shown(text, null, null, ""));
        }
        if (observation.hasDataAbsentReason()) {
            String text = label(observation.getDataAbsentReason());
            return Optional.of(new Shown(text.isEmpty() ? "—" : text, null, null, ""));
        }
        return Optional.empty();
    }

    private static String rangeText(ObservationReferenceRangeComponent range, BigDecimal low, BigDecimal high) {
        if (range == null) {
            return "";
        }
        if (range.hasText()) {
            return range.getText().strip();
        }
        if (low == null && high == null) {
            return "";
        }
        return (low == null ? "" : range.getLow().getValueElement().getValueAsString()) + "–"
                + (high == null ? "" : range.getHigh().getValueElement().getValueAsString());
    }

    /** The clinical time: effective[x] (a period's start), else issued. */
    private static Optional<Instant> when(Observation observation) {
        String text = effective(observation);
        if (text != null && text.length() >= 4) {
            return Optional.of(instant(text));
        }
        return observation.hasIssued() ? Optional.of(observation.getIssued().toInstant()) : Optional.empty();
    }

    private static LocalDate day(Observation observation) {
        String text = effective(observation);
        if (text == null || text.length() < 4) {
            return observation.getIssued().toInstant().atZone(JAPAN).toLocalDate();
        }
        return instant(text).atZone(JAPAN).toLocalDate();
    }

    private static String effective(Observation observation) {
        if (observation.hasEffectiveDateTimeType()) {
            return observation.getEffectiveDateTimeType().getValueAsString();
        }
        if (observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()) {
            return observation.getEffectivePeriod().getStartElement().getValueAsString();
        }
        if (observation.hasEffectiveInstantType()) {
            return observation.getEffectiveInstantType().getValueAsString();
        }
        return null;
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
