package org.musubi.record.fhir.allergy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.JsonNode;

/**
 * An AllergyIntolerance's statuses and reactions: read from a stored one's JSON ({@link #holds}, {@link #clinical},
 * {@link #verification}, {@link #manifestations}) or held in HAPI's model ({@link #enteredInError}). With {@code
 * condition.ConditionStatus} (and {@code FhirJson.enteredInError}), the only readers of a verification status ({@code
 * FhirVocabularyTest}).
 */
public final class AllergyStatus {

    private AllergyStatus() {
    }

    /** The clinical statuses of an allergy that mean it still holds. */
    private static final Set<String> HOLDING = Set.of("active", "recurrence", "relapse");

    /**
     * Whether an AllergyIntolerance still holds: not entered in error, not refuted, its clinical status active,
     * recurrence or relapse — or not given (a sender that says nothing has not said "resolved"). The one reading of it
     * for every screen: the viewer's header and timeline, the crews' dataset, the emergency sheet's prefill.
     */
    public static boolean holds(JsonNode allergy) {
        String clinical = clinical(allergy);
        String verification = verification(allergy);
        return !"entered-in-error".equals(verification) && !"refuted".equals(verification)
                && (clinical == null || HOLDING.contains(clinical));
    }

    /** An AllergyIntolerance's clinical status code as sent ({@code active}, {@code resolved} …), or {@code null}. */
    public static String clinical(JsonNode allergy) {
        return FhirJson.text(allergy.path("clinicalStatus").path("coding").path(0).path("code"));
    }

    /** An AllergyIntolerance's verification code as sent ({@code confirmed}, {@code unconfirmed} …), or {@code null}. */
    public static String verification(JsonNode allergy) {
        return FhirJson.text(allergy.path("verificationStatus").path("coding").path(0).path("code"));
    }

    /** What an allergy caused, in words: each reaction's manifestations, in order. */
    public static List<String> manifestations(JsonNode allergy) {
        List<String> said = new ArrayList<>();
        for (JsonNode reaction : allergy.path("reaction")) {
            for (JsonNode manifestation : reaction.path("manifestation")) {
                Optional.ofNullable(FhirJson.concept(manifestation)).ifPresent(said::add);
            }
        }
        return said;
    }

    /** Whether the allergy was entered in error (withdrawn by its sender). */
    public static boolean enteredInError(AllergyIntolerance allergy) {
        return "entered-in-error".equals(allergy.getVerificationStatus().getCodingFirstRep().getCode());
    }
}
