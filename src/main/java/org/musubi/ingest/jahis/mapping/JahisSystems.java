package org.musubi.ingest.jahis.mapping;

import org.musubi.record.fhir.FhirSystems;

/**
 * The URIs only the JAHIS mapping and exporter use: the JP Core profiles of what JAHIS records become, the GTIN
 * of OTC drugs and the emergency-contact relationship. Code systems and identifier systems take JP Core's URL
 * form where one exists (JP Core 1.2.0 {@code guide-urlmap.md}: "新規システムの構築においては、可能な限りURL形式を
 * 採用することが推奨される") and the MHLW OID where JP Core has none yet. The URIs other adapters and the viewer
 * share (medical-institution numbers, RP identifiers, JAMI usage codes, the kanji/kana name form) and Musubi's own
 * URNs ({@code urn:musubi:…}, which carry what no standard element holds, so that the exporter can write the same
 * JAHIS records back) are in {@link FhirSystems}.
 */
public final class JahisSystems {

    static final String DISPENSE_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_MedicationDispense";
    static final String STATEMENT_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_MedicationStatement";
    static final String ORGANIZATION_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_Organization";
    static final String PRACTITIONER_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_Practitioner";
    static final String PRACTITIONER_ROLE_PROFILE = FhirSystems.JP_CORE_PROFILE + "JP_PractitionerRole";

    /** GS1 GTIN, of which the 13-digit JAN code of an OTC drug is one (HL7 terminology NamingSystem gtin). */
    public static final String GTIN = "https://www.gs1.org/gtin";
    public static final String EMERGENCY_CONTACT = "http://terminology.hl7.org/CodeSystem/v2-0131";

    private JahisSystems() {
    }
}
