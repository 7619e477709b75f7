package org.musubi.ingest.checkup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.ingest.values.Units;
import org.musubi.record.fhir.FhirSystems;

/**
 * The units of 特定健診 results as UCUM: the spec's units that are valid UCUM as written ({@code cm}, {@code kg},
 * {@code kg/m2}, {@code %}, {@code mg/dl}, {@code U/l}, {@code g/dl}) are coded as sent, those that are not are coded
 * by this table ({@code mmHg} is {@code mm[Hg]}, {@code 万/mm3} is {@code 10*4/mm3} …), a micro sign is read as
 * UCUM's {@code u}; any other unit stays unit text, which the reader reports as a warning.
 */
final class CheckupUnits {

    private static final Map<String, String> TO_UCUM = Map.ofEntries(
            Map.entry("mmHg", "mm[Hg]"), Map.entry("万/mm3", "10*4/mm3"), Map.entry("万/ul", "10*4/uL"),
            Map.entry("万/uL", "10*4/uL"), Map.entry("10^4/ul", "10*4/uL"), Map.entry("10^4/uL", "10*4/uL"),
            Map.entry("ml/min/1.73m2", "mL/min/{1.73_m2}"), Map.entry("mL/min/1.73m2", "mL/min/{1.73_m2}"),
            Map.entry("IU/l", "[IU]/L"), Map.entry("IU/L", "[IU]/L"), Map.entry("IU/ml", "[IU]/mL"),
            Map.entry("IU/mL", "[IU]/mL"), Map.entry("回/分", "/min"), Map.entry("拍/分", "/min"),
            Map.entry("bpm", "/min"));

    private CheckupUnits() {
    }

    /** The UCUM code of a unit as a checkup document writes it; empty when it has none. */
    static Optional<String> ucum(String unit) {
        if (unit == null || unit.isBlank()) {
            return Optional.empty();
        }
        String sent = unit.strip().replace('\u03BC', 'u').replace('\u00B5', 'u');
        String mapped = TO_UCUM.get(sent);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return Units.isUcum(sent) ? Optional.of(sent) : Optional.empty();
    }

    /** {@code value} in {@code unit} (may be null): the unit as sent, coded as UCUM when it maps. */
    static Quantity quantity(BigDecimal value, String unit) {
        Quantity quantity = new Quantity().setValue(value);
        if (unit != null && !unit.isBlank() && !unit.equals("1")) {
            quantity.setUnit(unit.strip());
            ucum(unit).ifPresent(code -> quantity.setSystem(FhirSystems.UCUM).setCode(code));
        }
        return quantity;
    }
}
