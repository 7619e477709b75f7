package org.musubi.ingest.checkup;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * One result of a checkup document, read.
 *
 * @param itemCode        its 特定健診項目コード (or its code in the system the document named), the result's key
 * @param code            the item code, the JLAC10 code where the document gives one, and the item's name as text
 * @param value           Quantity, CodeableConcept or StringType; null when absent
 * @param absent          why the value is absent (a null flavor); null when there is a value
 * @param range           may be null
 * @param method          may be null
 * @param doctor          the doctor named as the result's author; may be null
 */
record CheckupResult(String itemCode, CodeableConcept code, Type value, CodeableConcept absent,
                     List<CodeableConcept> interpretations, ObservationReferenceRangeComponent range, CodeableConcept method,
                     String doctor) {

    CheckupResult {
        interpretations = List.copyOf(interpretations);
    }
}
