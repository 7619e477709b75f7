package org.musubi.pathway;

import java.util.List;
import org.hl7.fhir.r4.model.Questionnaire;
import org.musubi.registry.FacilityKind;

/**
 * One stage of a pathway (急性期, 回復期, 維持期; a follow-up visit): the kinds of facility that fill it, when it falls
 * due (months after enrolment) and its form, a Questionnaire whose canonical URL is
 * {@code urn:musubi:pathway:<template>/<stage>} and whose version is the template's.
 */
public record Stage(String code, Bilingual title, List<FacilityKind> facilityKinds, int dueMonths, Questionnaire form) {

    public Stage {
        facilityKinds = List.copyOf(facilityKinds);
    }

    /** Whether a facility of this kind is one that fills this stage. */
    public boolean filledBy(FacilityKind kind) {
        return facilityKinds.contains(kind);
    }
}
