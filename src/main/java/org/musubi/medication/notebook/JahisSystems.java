package org.musubi.medication.notebook;

import org.musubi.record.fhir.FhirSystems;

/**
 * The URIs and codes only the JAHIS mapping (the import's {@code ingest.jahis.mapping}) and the writer use: the JP Core
 * profiles of what JAHIS records become, JP Core's extensions of an institution's code parts, the GTIN of OTC drugs,
 * the emergency-contact relationship and Musubi's codes of the documents a patient note or memo becomes. Code systems and identifier systems take JP Core's URL
 * form where one exists (JP Core 1.2.0 {@code guide-urlmap.md}: "新規システムの構築においては、可能な限りURL形式を
 * 採用することが推奨される") and the MHLW OID where JP Core has none yet. The URIs other adapters and the viewer
 * share (medical-institution numbers, RP identifiers, JAMI usage codes, the kanji/kana name form) and Musubi's own
 * URNs ({@code urn:musubi:…}, which carry what no standard element holds, so that the exporter can write the same
 * JAHIS records back) are in {@link FhirSystems}.
 */
public final class JahisSystems {

    public static final String DISPENSE_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_MedicationDispense";
    public static final String STATEMENT_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_MedicationStatement";
    public static final String ORGANIZATION_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_Organization";
    public static final String PRACTITIONER_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_Practitioner";
    public static final String PRACTITIONER_ROLE_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_PractitionerRole";

    /** An institution's 10-digit code in parts (JP Core's JP_Organization extensions): prefecture, fee table, code. */
    public static final String PREFECTURE_EXT = FhirSystems.JP_CORE_EXTENSION + "JP_Organization_PrefectureNo";
    public static final String FEE_TABLE_EXT = FhirSystems.JP_CORE_EXTENSION + "JP_Organization_InsuranceOrganizationCategory";
    public static final String CODE_EXT = FhirSystems.JP_CORE_EXTENSION + "JP_Organization_InsuranceOrganizationNo";

    /** GS1 GTIN, of which the 13-digit JAN code of an OTC drug is one (HL7 terminology NamingSystem gtin). */
    public static final String GTIN = "https://www.gs1.org/gtin";
    public static final String EMERGENCY_CONTACT = "http://terminology.hl7.org/CodeSystem/v2-0131";

    /** Musubi's codes of the DocumentReference a patient note of type 9 (その他) and a memo (4) become. */
    public static final String OTHER_NOTE = "2-9";
    public static final String MEMO = "4";

    private JahisSystems() {
    }
}
