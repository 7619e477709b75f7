package org.musubi.ingest.adapter;

import java.util.Map;

/**
 * FHIR code-system URIs of the Japanese and HL7 code systems the sources use, by the names HL7 v2
 * messages give them (CWE-3), as JP Core 1.2 lists them (URL form; the older OIDs are equivalent).
 * A name Musubi does not know keeps its code under {@code urn:musubi:v2-coding-system:<name>}.
 */
public final class CodeSystems {

    public static final String JLAC10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    public static final String HOT9 = "http://medis.or.jp/CodeSystem/master-HOT9";
    public static final String HOT7 = "http://medis.or.jp/CodeSystem/master-HOT7";
    public static final String HOT13 = "http://medis.or.jp/CodeSystem/master-HOT13";
    public static final String YJ = "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code";
    public static final String GENERIC_NAME = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationGeneralOrderCode";
    public static final String DISEASE_KEY = "http://medis.or.jp/CodeSystem/master-disease-keyNumber";
    public static final String DISEASE_EXCHANGE = "http://medis.or.jp/CodeSystem/master-disease-exCode";
    public static final String ICD10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full";
    public static final String JAMI_USAGE = "http://jami.jp/CodeSystem/MedicationUsage";
    public static final String MERIT9_UNIT = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code";
    public static final String ROUTE = "http://jpfhir.jp/fhir/core/CodeSystem/route-codes";
    public static final String DEPARTMENT = "http://jami.jp/SS-MIX2/CodeSystem/ClinicalDepartment";
    public static final String UCUM = "http://unitsofmeasure.org";
    /** MERIT-9 prescription-order categories (MR9P in RXE-21: OHP 外来処方, IHP 入院処方 …); JP Core aliases.fsh. */
    public static final String MEDICATION_CATEGORY_MERIT9 = "http://jpfhir.jp/fhir/core/CodeSystem/JP_MedicationCategoryMERIT9_CS";
    /** MERIT-9 dosage forms (MR9P in RXE-6: TAB 錠剤, PWD 散剤, INJ 注射剤 …); JP Core aliases.fsh. */
    public static final String MEDICATION_FORM_MERIT9 = "http://jpfhir.jp/fhir/core/CodeSystem/JP_MedicationFormMERIT9_CS";
    /** DICOM controlled terminology (v2 name DCM), e.g. modality {@code US}, {@code ES}; JP Core ImagingStudy examples. */
    public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    public static final String LOINC = "http://loinc.org";
    public static final String UNKNOWN_PREFIX = "urn:musubi:v2-coding-system:";

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("JC10", JLAC10), Map.entry("JLAC10", JLAC10), Map.entry("HOT9", HOT9), Map.entry("HOT7", HOT7),
            Map.entry("HOT13", HOT13), Map.entry("YJ", YJ), Map.entry("I10", ICD10), Map.entry("JAMISDP01", JAMI_USAGE),
            Map.entry("MR9P", MERIT9_UNIT), Map.entry("HL70162", ROUTE), Map.entry("ISO+", UCUM),
            Map.entry("DCM", DICOM), Map.entry("LN", LOINC));

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
            return code != null && code.length() == 8 && digits(code, 0) ? DISEASE_KEY : DISEASE_EXCHANGE;
        }
        if ((name.equals("JC10") || name.equals("JLAC10")) && (code == null || code.length() != 17)) {
            return UNKNOWN_PREFIX + name;
        }
        String known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        if (name.length() == 7 && name.startsWith("HL7") && digits(name, 3)) {
            return "http://terminology.hl7.org/CodeSystem/v2-" + name.substring(3);
        }
        return UNKNOWN_PREFIX + name;
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
