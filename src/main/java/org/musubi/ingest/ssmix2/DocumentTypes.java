package org.musubi.ingest.ssmix2;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.ingest.ssmix2.naming.ExtendedType;
import org.musubi.ingest.adapter.CodeSystems;
import org.musubi.record.fhir.FhirSystems;

/**
 * A document's type from its extended-storage type folder: the standard code first (LOINC for
 * {@code LN}: 18842-5 discharge summary, 57133-1 referral letter, 11506-3 progress note …), then the
 * local one, named by the standard name, else the local name.
 */
final class DocumentTypes {


    private DocumentTypes() {
    }

    static CodeableConcept of(ExtendedType type) {
        CodeableConcept concept = new CodeableConcept().setText(type.display());
        if (type.standard()) {
            concept.addCoding(coding(type.standardCode(), type.standardName(), type.standardSystem()));
        }
        if (!type.localCode().isEmpty()) {
            concept.addCoding(coding(type.localCode(), type.localName(), type.localSystem()));
        }
        return concept;
    }

    private static Coding coding(String code, String display, String system) {
        String uri = system.equals("LN") ? FhirSystems.LOINC : system.isEmpty() ? null : CodeSystems.uri(system, code);
        return new Coding(uri, code, display.isEmpty() ? null : display);
    }

    /** A 17-digit 発生日時 as an instant in Japan time, e.g. {@code 2011-12-20T22:44:47.339+09:00}. */
    static String instant(String timestamp) {
        return timestamp.substring(0, 4) + "-" + timestamp.substring(4, 6) + "-" + timestamp.substring(6, 8) + "T"
                + timestamp.substring(8, 10) + ":" + timestamp.substring(10, 12) + ":" + timestamp.substring(12, 14)
                + "." + timestamp.substring(14, 17) + "+09:00";
    }
}
