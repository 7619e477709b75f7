package org.musubi.medication.notebook;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;
import org.musubi.record.fhir.observation.ObservationValue;

/**
 * The blood type and weight record 1 carries, from the patient's Observations: of the blood-group ones (LOINC 882-1,
 * 883-9, 10331-7) and the body-weight ones (29463-7), the newest by its effective date (an undated one counts as
 * oldest); the blood type as its value's text (else its first display), the weight in kg (a quantity in kg or g, or
 * the text a weight was kept as). Empty fields when there is none.
 */
record BodyValues(String bloodType, String weight) {

    public static final BodyValues NONE = new BodyValues("", "");
    private static final Set<String> BLOOD_GROUP = Set.of(Loinc.ABO_AND_RH, Loinc.ABO, Loinc.RH);
    private static final String BODY_WEIGHT = Loinc.BODY_WEIGHT;

    public static BodyValues of(List<Observation> observations) {
        String blood = newest(observations, BLOOD_GROUP).map(o -> o.hasValueCodeableConcept()
                ? FhirValues.text(o.getValueCodeableConcept()) : o.hasValueStringType() ? o.getValueStringType().getValue() : "")
                .orElse("");
        String weight = newest(observations, Set.of(BODY_WEIGHT)).map(BodyValues::kilograms).orElse("");
        return new BodyValues(blood, weight);
    }

    private static Optional<Observation> newest(List<Observation> observations, Set<String> loinc) {
        return observations.stream()
                .filter(o -> o.getStatus() != Observation.ObservationStatus.ENTEREDINERROR)
                .filter(o -> o.getCode().getCoding().stream()
                        .anyMatch(c -> FhirSystems.LOINC.equals(c.getSystem()) && loinc.contains(c.getCode())))
                .max(Comparator.comparing(o -> o.hasEffectiveDateTimeType()
                        ? o.getEffectiveDateTimeType().getValueAsString() : ""));
    }

    private static String kilograms(Observation observation) {
        if (observation.hasValueStringType()) {
            return observation.getValueStringType().getValue();
        }
        Optional<ObservationValue.Quantity> quantity = ObservationValue.quantity(observation);
        if (quantity.isEmpty()) {
            return "";
        }
        String unit = quantity.get().code() != null ? quantity.get().code() : quantity.get().unit();
        BigDecimal value = quantity.get().number();
        if ("g".equals(unit)) {
            return value.movePointLeft(3).stripTrailingZeros().toPlainString();
        }
        return unit == null || unit.equalsIgnoreCase("kg") ? value.toPlainString() : "";
    }
}
