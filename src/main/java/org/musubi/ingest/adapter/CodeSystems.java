package org.musubi.ingest.adapter;

import java.util.Map;
import org.musubi.record.fhir.FhirSystems;

/**
 * The FHIR code system of a name HL7 v2 messages give it (CWE-3): the Japanese and HL7 code systems the
 * sources use, as JP Core 1.2 lists them (URL form; the older OIDs are equivalent), declared in {@link
 * FhirSystems}. A name Musubi does not know keeps its code under {@code urn:musubi:v2-coding-system:<name>}.
 */
public final class CodeSystems {

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("JC10", FhirSystems.JLAC10), Map.entry("JLAC10", FhirSystems.JLAC10),
            Map.entry("HOT9", FhirSystems.HOT9), Map.entry("HOT7", FhirSystems.HOT7), Map.entry("HOT13", FhirSystems.HOT13),
            Map.entry("YJ", FhirSystems.YJ), Map.entry("I10", FhirSystems.ICD10), Map.entry("JAMISDP01", FhirSystems.JAMI_USAGE),
            Map.entry("MR9P", FhirSystems.MERIT9_UNIT), Map.entry("HL70162", FhirSystems.ROUTE), Map.entry("ISO+", FhirSystems.UCUM),
            Map.entry("DCM", FhirSystems.DICOM), Map.entry("LN", FhirSystems.LOINC));

    private CodeSystems() {
    }

    /**
     * The URI for a v2 coding-system name; {@code code} decides where one name covers two systems
     * (MEDIS {@code MDCDX2}: an 8-digit 病名管理番号 or a 4-character 交換用コード; {@code JC10}: only a
     * 17-character code is a JLAC10 lab code, the shorter specimen ({@code 023}), physiology ({@code 9A110})
     * and allergen codes sent under the same name have no JP Core URI and keep the name).
     * A name listed here wins over the generic {@code HL7nnnn} rule (HL70162 is JP Core's route table).
     */
    public static String uri(String name, String code) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.equals("MDCDX2")) {
            return code != null && code.length() == 8 && digits(code, 0) ? FhirSystems.DISEASE_KEY : FhirSystems.DISEASE_EXCHANGE;
        }
        if ((name.equals("JC10") || name.equals("JLAC10")) && (code == null || code.length() != 17)) {
            return FhirSystems.V2_CODING_SYSTEM + name;
        }
        String known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        if (name.length() == 7 && name.startsWith("HL7") && digits(name, 3)) {
            return "http://terminology.hl7.org/CodeSystem/v2-" + name.substring(3);
        }
        return FhirSystems.V2_CODING_SYSTEM + name;
    }

    /** Whether {@code text} is ASCII digits from {@code from} on (no regular expression: this runs per coding). */
    private static boolean digits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
