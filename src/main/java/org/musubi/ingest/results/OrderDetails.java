package org.musubi.ingest.results;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.record.fhir.FhirSystems;

/**
 * What a result message says about the order beside its numbers: who ordered it (ORC-12, else OBR-16), the
 * ordering department (ORC-17) and the comments on the order (NTE after the OBR or ORC, before its first OBX).
 *
 * @param requester  a Practitioner reference by staff ID and name; may be null
 * @param department the ordering department; may be null
 * @param notes      the comments, each as sent (repetitions on lines of their own)
 */
public record OrderDetails(Reference requester, CodeableConcept department, List<String> notes) {

    /** For a source that says nothing of the order (a CSV). */
    public static final OrderDetails NONE = new OrderDetails(null, null, List.of());

    private static final String HL7_DEPARTMENTS = "http://terminology.hl7.org/CodeSystem/v2-0069";
    private static final String MML = FhirSystems.V2_CODING_SYSTEM + "MML";

    public OrderDetails {
        notes = List.copyOf(notes);
        department = department == null ? null : national(department);
    }

    /**
     * A department coded in HL7 table 0069 (SS-MIX2's 診療科 table, also sent as MML0028 or without a system) under
     * JAMI's department system, as JP-CLINS codes it; a local code as sent. The text is the name, else the code.
     */
    private static CodeableConcept national(CodeableConcept sent) {
        CodeableConcept department = sent.copy();
        for (Coding coding : department.getCoding()) {
            if (!coding.hasSystem() || coding.getSystem().equals(HL7_DEPARTMENTS) || coding.getSystem().startsWith(MML)) {
                coding.setSystem(FhirSystems.DEPARTMENT);
            }
        }
        if (!department.hasText() && department.hasCoding()) {
            Coding first = department.getCodingFirstRep();
            department.setText(first.hasDisplay() ? first.getDisplay() : first.getCode());
        }
        return department;
    }
}
