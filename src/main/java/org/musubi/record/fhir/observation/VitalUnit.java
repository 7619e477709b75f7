package org.musubi.record.fhir.observation;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.record.fhir.FhirSystems;

/**
 * The unit a vital sign is written in ({@link VitalSign#unit()}).
 *
 * @param ucum the UCUM code of the unit
 * @param text the unit as people write it (℃, mmHg, 回/分), written as the quantity's {@code unit}
 */
public record VitalUnit(String ucum, String text) {

    /** A value in this unit: the number as given, the unit as people write it, UCUM's system and code. */
    public Quantity quantity(BigDecimal value) {
        Quantity quantity = new Quantity();
        quantity.setValue(value);
        return quantity.setUnit(text).setSystem(FhirSystems.UCUM).setCode(ucum);
    }
}
