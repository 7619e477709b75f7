package org.musubi.phr.vitals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.ObservationValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stored vital-sign Observation into the values a resident sees: by the notebook's own coding when it has
 * one, else by LOINC ({@link Vital#readCodes()}); a blood-pressure panel gives its systolic and diastolic components.
 * A value in another unit than the measure's is converted where that is exact (height in m) and left out otherwise,
 * so that a chart never mixes units; so is anything not final, amended or corrected.
 */
public final class VitalReadings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SHOWN = List.of("final", "amended", "corrected");

    private VitalReadings() {
    }

    public static List<VitalReading> of(StoredResource stored) {
        if (!"Observation".equals(stored.type()) || stored.deleted()) {
            return List.of();
        }
        JsonNode r = JSON.readTree(stored.json());
        if (!SHOWN.contains(FhirJson.text(r.path("status")))) {
            return List.of();
        }
        Instant at = FhirJson.firstInstant(r.path("effectiveDateTime"), r.path("effectivePeriod").path("start"),
                r.path("effectiveInstant"), r.path("issued"));
        if (at == null) {
            return List.of();
        }
        List<VitalReading> readings = new ArrayList<>(2);
        ObservationValue read = ObservationValue.of(r);
        Optional<Vital> own = vital(r.path("code"));
        if (own.isPresent()) {
            value(own.get(), read.quantity()).ifPresent(v -> readings.add(reading(own.get(), at, v, stored)));
        }
        for (ObservationValue.Part component : read.components()) {
            vital(component.code()).filter(Vital::bloodPressure).ifPresent(vital -> value(vital,
                    component.value().quantity()).ifPresent(v -> readings.add(reading(vital, at, v, stored))));
        }
        return readings;
    }

    /** The measure a concept codes: the notebook's own code first, else a LOINC code any sender uses. */
    static Optional<Vital> vital(JsonNode concept) {
        String own = FhirJson.code(concept, FhirSystems.PHR_VITAL);
        if (own != null) {
            return Vital.ofKey(own);
        }
        for (JsonNode coding : concept.path("coding")) {
            if (FhirSystems.LOINC.equals(FhirJson.text(coding.path("system")))) {
                String code = FhirJson.text(coding.path("code"));
                for (Vital vital : Vital.values()) {
                    if (vital.coding().readByLoincAlone() && vital.coding().readCodes().contains(code)) {
                        return Optional.of(vital);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The quantity in the measure's unit (UCUM code, or the unit text as the notebook writes it); empty without one. */
    static Optional<BigDecimal> value(Vital vital, ObservationValue.Quantity quantity) {
        if (quantity == null) {
            return Optional.empty();
        }
        BigDecimal value = quantity.number();
        String unit = quantity.code() != null ? quantity.code() : quantity.unit();
        if (unit == null || unit.equals(vital.coding().ucum()) || unit.equals(VitalObservations.unitText(vital))) {
            return Optional.of(value);
        }
        if (vital == Vital.HEIGHT && unit.equals("m")) {
            return Optional.of(value.movePointRight(2));
        }
        if (vital == Vital.TEMPERATURE && unit.equals("℃")) {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    private static VitalReading reading(Vital vital, Instant at, BigDecimal value, StoredResource stored) {
        return new VitalReading(vital, at, value, stored.sourceFacilityId(), stored.id());
    }
}
