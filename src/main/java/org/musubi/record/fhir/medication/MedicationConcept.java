package org.musubi.record.fhir.medication;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.musubi.record.fhir.reference.FhirReference;
import tools.jackson.databind.JsonNode;

/**
 * The drug a prescription, dispensing or statement names as a concept ({@code medicationCodeableConcept}): with the
 * JP-CLINS check of a prescription's codes ({@code record.fhir.ClinsRules}), the only reader of it
 * ({@code FhirVocabularyTest}), so that a drug named by reference to a contained Medication reads the same everywhere.
 * Writers set it themselves.
 */
public final class MedicationConcept {

    private MedicationConcept() {
    }

    /** The concept a stored resource's JSON names its drug by, or a missing node when it names it by reference. */
    public static JsonNode stated(JsonNode r) {
        return r.path("medicationCodeableConcept");
    }

    /** The concept a stored resource names its drug by, else the code of the contained Medication it refers to. */
    public static JsonNode of(JsonNode r) {
        return stated(r).isMissingNode() ? FhirReference.contained(r, r.path("medicationReference")).path("code") : stated(r);
    }

    /** The concept a statement held in HAPI's model names its drug by, or {@code null} when it names none. */
    public static CodeableConcept stated(MedicationStatement statement) {
        return statement.hasMedicationCodeableConcept() ? statement.getMedicationCodeableConcept() : null;
    }

    /** The concept a prescription held in HAPI's model names its drug by, or {@code null} when it names none. */
    public static CodeableConcept stated(MedicationRequest request) {
        return request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null;
    }

    /** The concept a dispensing held in HAPI's model names its drug by, or {@code null} when it names none. */
    public static CodeableConcept stated(MedicationDispense dispense) {
        return dispense.hasMedicationCodeableConcept() ? dispense.getMedicationCodeableConcept() : null;
    }

    /**
     * The concept of a statement the resident or a facility wrote by hand (a publication, an OTC drug), as HAPI gives it:
     * an empty one made and set when it names none (to be given words), an error when it names its drug by reference.
     */
    public static CodeableConcept written(MedicationStatement statement) {
        return statement.getMedicationCodeableConcept();
    }

    /** {@link #written(MedicationStatement)} for a facility's hand-published prescription. */
    public static CodeableConcept written(MedicationRequest request) {
        return request.getMedicationCodeableConcept();
    }
}
