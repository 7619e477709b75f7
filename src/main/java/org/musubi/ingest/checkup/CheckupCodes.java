package org.musubi.ingest.checkup;

import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.ingest.lab.results.Interpretations;
import org.musubi.record.fhir.FhirSystems;

/**
 * The code systems a checkup document names by OID, as FHIR systems: the 特定健診項目コード (1.2.392.200119.6.1005)
 * and JLAC10 (1.2.392.200119.4.504) under the URIs {@link FhirSystems} declares, HL7's ObservationInterpretation
 * (2.16.840.1.113883.5.83, the 以上/以下 of a value outside the range a result can be entered in) under its FHIR URI,
 * and every other OID (the result-code tables 1.2.392.200119.6.2xxx: 尿糖 1.2.392.200119.6.2102 …) as
 * {@code urn:oid:<OID>}.
 */
final class CheckupCodes {

    static final String ITEM = "1.2.392.200119.6.1005";
    static final String JLAC10 = "1.2.392.200119.4.504";
    static final String INTERPRETATION = "2.16.840.1.113883.5.83";
    private static final Pattern OID = Pattern.compile("[0-2](?:\\.(?:0|[1-9][0-9]{0,15})){1,40}");
    private static final Pattern ITEM_CODE = Pattern.compile("[0-9A-Z]{17}");

    private CheckupCodes() {
    }

    static boolean isOid(String text) {
        return text != null && text.length() <= 200 && OID.matcher(text).matches();
    }

    /** A 特定健診項目コード: 17 capital letters and digits (JLAC10's layout). */
    static boolean isItemCode(String code) {
        return ITEM_CODE.matcher(code).matches();
    }

    static String system(String oid) {
        return switch (oid) {
            case ITEM -> FhirSystems.CHECKUP_ITEM;
            case JLAC10 -> FhirSystems.JLAC10;
            case INTERPRETATION -> Interpretations.SYSTEM;
            default -> "urn:oid:" + oid;
        };
    }

    /** A coded value: its code under its system, its display name, and as text the display, else the code. */
    static CodeableConcept concept(String oid, String code, String display) {
        CodeableConcept concept = new CodeableConcept().setText(display != null ? display : code);
        concept.addCoding(new Coding(oid == null ? null : system(oid), code, display));
        return concept;
    }
}
