package org.musubi.ingest.jahis.mapping;

import java.util.Map;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.medication.notebook.Creators;

/**
 * A JAHIS record's 作成者 ({@link Creators}) said in FHIR's own terms where FHIR has a place for who stated something
 * (MedicationStatement.informationSource, AllergyIntolerance/Condition.asserter, DocumentReference.author,
 * Annotation.author): 2 is the patient (a reference to them, shown as 患者等), 1 a practitioner the file does not
 * name (a reference of type Practitioner shown as 医療関係者); 8 and 9 name no one.
 */
final class CreatorParties {

    private static final Map<String, String> SHOWN = Map.of("1", "医療関係者", Creators.PATIENT, "患者等");

    private CreatorParties() {
    }

    /** Who the creator is, as a reference: the patient (2), an unnamed practitioner (1); null for the others. */
    static Reference party(String creator) {
        if (Creators.PATIENT.equals(creator)) {
            return SourceRefs.patient().setDisplay(SHOWN.get(Creators.PATIENT));
        }
        return "1".equals(creator) ? new Reference().setType("Practitioner").setDisplay(SHOWN.get(creator)) : null;
    }
}
