package org.musubi.ingest.jahis.mapping;

/**
 * The URIs the mapping writes and the exporter reads. Code systems and identifier systems take JP
 * Core's URL form where one exists (JP Core 1.2.0 {@code guide-urlmap.md}: "新規システムの構築においては、
 * 可能な限りURL形式を採用することが推奨される") and the MHLW OID where JP Core has none yet; Musubi's own
 * URNs ({@code urn:musubi:…}) carry what no standard element holds, so that the exporter can write
 * the same JAHIS records back.
 */
public final class JahisSystems {

    static final String JP_CORE = "http://jpfhir.jp/fhir/core/StructureDefinition/";
    static final String PATIENT_PROFILE = JP_CORE + "JP_Patient";
    static final String DISPENSE_PROFILE = JP_CORE + "JP_MedicationDispense";
    static final String STATEMENT_PROFILE = JP_CORE + "JP_MedicationStatement";
    static final String MEDICATION_PROFILE = JP_CORE + "JP_Medication";
    static final String ALLERGY_PROFILE = JP_CORE + "JP_AllergyIntolerance";
    static final String CONDITION_PROFILE = JP_CORE + "JP_Condition";
    static final String ORGANIZATION_PROFILE = JP_CORE + "JP_Organization";
    static final String PRACTITIONER_PROFILE = JP_CORE + "JP_Practitioner";
    static final String PRACTITIONER_ROLE_PROFILE = JP_CORE + "JP_PractitionerRole";

    /** iso21090-EN-representation: IDE for the kanji name, SYL for the kana name (JP Core JP_Patient). */
    public static final String NAME_REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
    /** 10-digit 医療機関コード (prefecture 2 + fee table 1 + code 7), JP Core JP_Organization. */
    public static final String INSTITUTION_NO = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
    /** RP番号 (urn:oid:1.2.392.100495.20.3.81) and RP内の順序 (…3.82), JP Core JP_MedicationDispense identifiers. */
    public static final String RP_NUMBER = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber";
    public static final String ORDER_IN_RP = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex";
    static final String UCUM = "http://unitsofmeasure.org";
    /** JAMI 16-digit usage code (urn:oid:1.2.392.200250.2.2.20.20): 301 用法コード when its type is 2. */
    public static final String JAMI_USAGE = "http://jami.jp/CodeSystem/MedicationUsage";
    /** GS1 GTIN, of which the 13-digit JAN code of an OTC drug is one (HL7 terminology NamingSystem gtin). */
    public static final String GTIN = "https://www.gs1.org/gtin";
    public static final String EMERGENCY_CONTACT = "http://terminology.hl7.org/CodeSystem/v2-0131";

    /** Extension on an Annotation: the JAHIS record number it came from (281, 291, 311, 391, 401 …). */
    static final String NOTE_RECORD = "urn:musubi:fhir:jahis-record";
    /** Extension on a 411 Annotation: 提供情報種別 (30, 31, 99). */
    public static final String INFO_TYPE = "urn:musubi:fhir:jahis-info-type";
    /** Extension on a MedicationDispense: the prescriber (contained PractitionerRole: doctor, institution, department). */
    public static final String PRESCRIBER = "urn:musubi:fhir:prescriber";
    /** JAHIS 別表4 剤形コード, as MedicationDispense.category (not the MHLW 剤形区分, whose codes differ). */
    public static final String DOSAGE_FORM = "urn:musubi:jahis:dosage-form";
    /** 31 成分コード of type 2: 成分名コード of the self-medication database centre; no FHIR system is published. */
    public static final String INGREDIENT_CODE = "urn:musubi:jahis:ingredient-code";
    /** The record a DocumentReference came from: 4 手帳メモ, 2 患者特記 (type 9). */
    public static final String RECORD = "urn:musubi:jahis:record";

    private JahisSystems() {
    }
}
