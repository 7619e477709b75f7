package org.musubi.ingest.hl7.orders.medication;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.musubi.record.fhir.FhirSystems;

/**
 * MR9P names MERIT-9 as a whole, but JP Core gives each MERIT-9 table its own system: units (the default
 * for MR9P), dosage forms (RXE-6) and prescription categories (RXE-21). These retarget a concept read
 * from such a field.
 */
final class Merit9Tables {

    private Merit9Tables() {
    }

    static CodeableConcept form(CodeableConcept concept) {
        return retarget(concept, FhirSystems.MEDICATION_FORM_MERIT9);
    }

    static CodeableConcept category(CodeableConcept concept) {
        return retarget(concept, FhirSystems.MEDICATION_CATEGORY_MERIT9);
    }

    private static CodeableConcept retarget(CodeableConcept concept, String system) {
        concept.getCoding().stream().filter(c -> FhirSystems.MERIT9_UNIT.equals(c.getSystem())).forEach(c -> c.setSystem(system));
        return concept;
    }
}
