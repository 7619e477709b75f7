package org.musubi.record.fhir.allergy;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.musubi.record.fhir.FhirJson;

/**
 * An AllergyIntolerance's verification status held in HAPI's model (a stored one's JSON is read by {@link
 * FhirJson#allergyHolds} and {@link FhirJson#allergyVerification}): with {@code condition.ConditionStatus}, the only
 * readers of a verification status ({@code FhirVocabularyTest}).
 */
public final class AllergyStatus {

    private AllergyStatus() {
    }

    /** Whether the allergy was entered in error (withdrawn by its sender). */
    public static boolean enteredInError(AllergyIntolerance allergy) {
        return "entered-in-error".equals(allergy.getVerificationStatus().getCodingFirstRep().getCode());
    }
}
