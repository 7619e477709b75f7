package org.musubi.record.fhir;

/**
 * The one declaration of the URIs Musubi's FHIR content shares between modules: the code systems, identifier
 * systems, profiles and extensions that more than one adapter, the viewer or the API writes or reads, and every
 * URN Musubi mints itself ({@code urn:musubi:…}). JP Core's URL form wins where one exists (JP Core 1.2.0
 * {@code guide-urlmap.md}), with the OIDs other senders still write listed beside it. A URI only one class uses
 * stays in that class; {@code FhirVocabularyTest} fails the build when a URI literal appears in two files.
 */
public final class FhirSystems {

    private FhirSystems() {
    }

    // ---- Code systems -------------------------------------------------------------------------------------

    /** LOINC (v2 name LN): document types, vital signs, report categories. */
    public static final String LOINC = "http://loinc.org";
    /** UCUM units (v2 name ISO+). */
    public static final String UCUM = "http://unitsofmeasure.org";
    /** HL7's Common Languages, the value set R4 binds language elements to (extensible or preferred). */
    public static final String COMMON_LANGUAGES = "http://hl7.org/fhir/ValueSet/languages";
    /** JLAC10 17-digit lab codes (v2 names JC10, JLAC10), URL form. */
    public static final String JLAC10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    /** JLAC10 17-digit lab codes, OID form (as Musubi's synthetic records and some senders write it). */
    public static final String JLAC10_OID = "urn:oid:1.2.392.200119.4.504";
    /**
     * The 特定健診項目コード (MHLW's item codes of the specific health checkup, 17 characters in JLAC10's layout) of the
     * standard electronic form (特定健診情報ファイル); no URL form is published.
     */
    public static final String CHECKUP_ITEM = "urn:oid:1.2.392.200119.6.1005";
    /** HOT codes of MEDIS's standard drug master, by length. */
    public static final String HOT7 = "http://medis.or.jp/CodeSystem/master-HOT7";
    public static final String HOT9 = "http://medis.or.jp/CodeSystem/master-HOT9";
    public static final String HOT13 = "http://medis.or.jp/CodeSystem/master-HOT13";
    /** YJ codes (個別医薬品コード) as JP Core names them (= {@link #YJ_OID}). */
    public static final String YJ = "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code";
    /** YJ codes, OID form. */
    public static final String YJ_OID = "urn:oid:1.2.392.100495.20.2.73";
    /** YJ codes under the …20.1.73 OID, read as YJ too (the drug master's look-ups, JAHIS code type 4). */
    public static final String YJ_OID_ALIAS = "urn:oid:1.2.392.100495.20.1.73";
    /** The MHLW price-list code (厚労省コード, 薬価基準収載医薬品コード; JAHIS code type 3); no URL form yet. */
    public static final String PRICE_CODE = "urn:oid:1.2.392.100495.20.2.72";
    /** The price-list code under the …20.1.72 OID, read as the price-list code too. */
    public static final String PRICE_CODE_ALIAS = "urn:oid:1.2.392.100495.20.1.72";
    /** The generic-name order code (一般処方名マスタ, = urn:oid:1.2.392.100495.20.2.81). */
    public static final String GENERIC_NAME = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationGeneralOrderCode";
    /** ICD-10 (2013), v2 name I10. */
    public static final String ICD10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full";
    /** MEDIS disease master: the 8-digit 病名管理番号 (v2 name MDCDX2 with an 8-digit code). */
    public static final String DISEASE_KEY = "http://medis.or.jp/CodeSystem/master-disease-keyNumber";
    /** MEDIS disease master: the 4-character 交換用コード (v2 name MDCDX2 otherwise). */
    public static final String DISEASE_EXCHANGE = "http://medis.or.jp/CodeSystem/master-disease-exCode";
    /** The MHLW 傷病名マスター's 7-digit 傷病名コード, as receipts (レセプト電算処理システム) send it (JP Core masterB). */
    public static final String RECEIPT_DISEASE = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/masterB-disease";
    /** The MHLW 修飾語マスター's 4-digit 修飾語コード, as receipts send it (JP Core masterZ). */
    public static final String RECEIPT_DISEASE_MODIFIER = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/masterZ-disease-modifier";
    /** The 医薬品マスター's 9-digit レセプト電算処理システム用医薬品コード, as receipts send it. */
    public static final String RECEIPT_MEDICATION = "urn:musubi:receipt:medication";
    /** The 医科診療行為マスター's 9-digit 診療行為コード. */
    public static final String RECEIPT_PROCEDURE = "urn:musubi:receipt:procedure";
    /** The 特定器材マスター's 9-digit 特定器材コード. */
    public static final String RECEIPT_MATERIAL = "urn:musubi:receipt:material";
    /** The コメントマスター's 9-digit コメントコード. */
    public static final String RECEIPT_COMMENT = "urn:musubi:receipt:comment";
    /**
     * The code systems of the receipt masters (レセプト電算処理システム 基本マスター): a coding of one of them without a
     * display is a code whose name Musubi did not know, read as such ({@link FhirJson#concept}).
     */
    public static final java.util.Set<String> RECEIPT_MASTERS = java.util.Set.of(RECEIPT_DISEASE, RECEIPT_DISEASE_MODIFIER,
            RECEIPT_MEDICATION, RECEIPT_PROCEDURE, RECEIPT_MATERIAL, RECEIPT_COMMENT);
    /** JP Core's extension for a diagnosis's prefix modifier (部位, 左右 …). */
    public static final String DISEASE_PREFIX_MODIFIER =
            "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Condition_DiseasePrefixModifier";
    /** JP Core's extension for a diagnosis's postfix modifier (の疑い …). */
    public static final String DISEASE_POSTFIX_MODIFIER =
            "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Condition_DiseasePostfixModifier";
    /**
     * JP Core's extension for a diagnosis's outcome (転帰) as its sender says it: the sender's coding, HL7 table 0241 or
     * JHSD table 0006 where one says the same, the sender's word as text.
     */
    public static final String DISEASE_OUTCOME =
            "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Condition_DiseaseOutcome";
    /** HL7 table 0241 (Patient Outcome) in JP Core: D 死亡, F 完全に回復した … */
    public static final String DISEASE_OUTCOME_HL70241 = "http://jpfhir.jp/fhir/core/CodeSystem/HL70241";
    /** JHSD table 0006 (転帰区分) in JP Core: I 中止, M 寛解, C 継続, O その他. */
    public static final String DISEASE_OUTCOME_JHSD0006 = "http://jpfhir.jp/fhir/core/CodeSystem/JHSD0006";
    /** JAMI 16-digit usage codes (用法コード, urn:oid:1.2.392.200250.2.2.20.20; v2 name JAMISDP01). */
    public static final String JAMI_USAGE = "http://jami.jp/CodeSystem/MedicationUsage";
    /** MERIT-9 units (v2 name MR9P in a unit field). */
    public static final String MERIT9_UNIT = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationUnitMERIT9Code";
    /** MERIT-9 prescription-order categories (MR9P in RXE-21: OHP 外来処方, IHP 入院処方 …); JP Core aliases.fsh. */
    public static final String MEDICATION_CATEGORY_MERIT9 = "http://jpfhir.jp/fhir/core/CodeSystem/JP_MedicationCategoryMERIT9_CS";
    /** MERIT-9 dosage forms (MR9P in RXE-6: TAB 錠剤, PWD 散剤, INJ 注射剤 …); JP Core aliases.fsh. */
    public static final String MEDICATION_FORM_MERIT9 = "http://jpfhir.jp/fhir/core/CodeSystem/JP_MedicationFormMERIT9_CS";
    /** Routes of administration (JP Core's HL7 table 0162). */
    public static final String ROUTE = "http://jpfhir.jp/fhir/core/CodeSystem/route-codes";
    /** SS-MIX2 clinical departments (診療科). */
    public static final String DEPARTMENT = "http://jami.jp/SS-MIX2/CodeSystem/ClinicalDepartment";
    /** JP-CLINS's extension for the department that issued or ordered a Condition, Observation … (JP_eCS_Department). */
    public static final String JP_ECS_DEPARTMENT = "http://jpfhir.jp/fhir/eCS/Extension/StructureDefinition/JP_eCS_Department";
    /** DICOM controlled terminology (v2 name DCM), e.g. modality {@code US}, {@code ES}; JP Core ImagingStudy examples. */
    public static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    /** JP Core's simple observation categories (laboratory, body-measurement, procedure …). */
    public static final String JP_OBSERVATION_CATEGORY = "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS";
    /** JP Core's body-measurement categories (height, weight, bmi …), required by JP_Observation_BodyMeasurement. */
    public static final String JP_BODY_MEASUREMENT_CATEGORY =
            "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationBodyMeasurementCategory_CS";
    /** JP Core's body-measurement codes (31000296 体重 …). */
    public static final String JP_BODY_MEASUREMENT_CODE = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ObservationBodyMeasurementCode_CS";
    /** HL7's observation categories (vital-signs …). */
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** Why a value is absent (unknown, not-performed …). */
    public static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    /** Provenance.agent.type: author, enterer, performer … */
    public static final String PROVENANCE_PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    /**
     * JP-CLINS's diagnosis type extension on a Condition (主病名 as {@link #EX_DIAGNOSIS_TYPE} {@code principal},
     * 入院時, 退院時 …).
     */
    public static final String DIAGNOSIS_TYPE = "http://jpfhir.jp/fhir/eCS/Extension/StructureDefinition/JP_eCS_DiagnosisType";
    /** HL7's diagnosis types (principal, admitting, discharge …). */
    public static final String EX_DIAGNOSIS_TYPE = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";
    /** A receipt's 主傷病 flag on a diagnosis, kept as a Condition category as the receipt sent it. */
    public static final String RECEIPT_MAIN_DIAGNOSIS = "urn:musubi:receipt:main-diagnosis";
    /**
     * Musubi's Condition categories: {@code reported-history}, a history a patient or a pharmacist wrote down (a
     * medication notebook's 既往歴), which no facility diagnosed.
     */
    public static final String MUSUBI_CONDITION_CATEGORY = "urn:musubi:fhir:condition-category";
    public static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    /** v3 ActCode: encounter classes (AMB, IMP, EMER). */
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** v2 table 0203: identifier types (PLAC, FILL, ACSN …). */
    public static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

    // ---- Identifier systems -------------------------------------------------------------------------------

    /** JP Core's root of a facility's patient IDs: this + {@code 1} + the 10-digit medical-institution code. */
    public static final String PATIENT_ID_ROOT = "urn:oid:1.2.392.100495.20.3.51.1";
    /**
     * A checkup organisation's examinee IDs in the JP eCheckup guides (健診結果報告書 FHIR 記述仕様, Patient.identifier):
     * this + the 10-digit 特定健診機関番号 (the MHLW's OID 1.2.392.200119.6.102, then {@code 1}), as
     * {@link #PATIENT_ID_ROOT} is for medical institutions.
     */
    public static final String CHECKUP_PATIENT_ID_ROOT = "urn:oid:1.2.392.200119.6.102.1";
    /** 10-digit 医療機関コード (prefecture 2 + fee table 1 + code 7), JP Core JP_Organization. */
    public static final String INSTITUTION_NO = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
    /** A resource's own identifier within its facility (JP Core {@code resourceInstance-identifier}). */
    public static final String RESOURCE_INSTANCE = "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier";
    /** RP番号 (urn:oid:1.2.392.100495.20.3.81), JP Core medication identifiers. */
    public static final String RP_NUMBER = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber";
    /** RP内の順序 (urn:oid:1.2.392.100495.20.3.82), JP Core medication identifiers. */
    public static final String ORDER_IN_RP = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex";

    // ---- Profiles and extensions --------------------------------------------------------------------------

    /** The base of JP Core's profile URLs, followed by the profile's name. */
    public static final String JP_CORE_PROFILE = "http://jpfhir.jp/fhir/core/StructureDefinition/";
    /** The base of JP Core's extension URLs, followed by the extension's name. */
    public static final String JP_CORE_EXTENSION = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/";
    public static final String JP_PATIENT = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient";
    /** A radiology reading report (読影レポート): JP Core's DiagnosticReport profile. */
    public static final String JP_DIAGNOSTIC_REPORT_RADIOLOGY =
            "http://jpfhir.jp/fhir/core/StructureDefinition/JP_DiagnosticReport_Radiology";
    /** An endoscopy report (内視鏡レポート): JP Core's DiagnosticReport profile. */
    public static final String JP_DIAGNOSTIC_REPORT_ENDOSCOPY =
            "http://jpfhir.jp/fhir/core/StructureDefinition/JP_DiagnosticReport_Endoscopy";
    /** JP Core's document codes (検体検査報告書, 画像検査報告書 …: LOINC document codes JP Core lists). */
    public static final String JP_DOCUMENT_CODES = "http://jpfhir.jp/fhir/core/CodeSystem/JP_DocumentCodes_CS";
    public static final String JP_MEDICATION = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Medication";
    public static final String JP_CONDITION = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition";
    public static final String JP_ALLERGY_INTOLERANCE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_AllergyIntolerance";
    public static final String JP_SPECIMEN = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Specimen_Common";
    /** Vital signs (temperature, blood pressure, pulse, SpO2): JP Core's profile. */
    public static final String JP_OBSERVATION_VITAL_SIGNS = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_VitalSigns";
    /** Body measurements (weight, height, BMI): JP Core's profile. */
    public static final String JP_OBSERVATION_BODY_MEASUREMENT =
            "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_BodyMeasurement";
    /** iso21090-EN-representation on a HumanName: IDE for the kanji name, SYL for the kana name (JP Core JP_Patient). */
    public static final String NAME_REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";

    // ---- Musubi's own (urn:musubi:…), where no standard system or element exists --------------------------

    /** A code under a v2 coding-system name Musubi does not know: this + the name. */
    public static final String V2_CODING_SYSTEM = "urn:musubi:v2-coding-system:";
    /** A lab centre's local test code: this + the facility's medical-institution code. */
    public static final String LAB_LOCAL_CODE = "urn:musubi:lab-local-code:";
    /** A specimen's accession identifier: this + the facility's medical-institution code. */
    public static final String SPECIMEN_ID = "urn:musubi:specimen-id:";
    /** A facility's placer order numbers (no JP Core system exists): this + its medical-institution code. */
    public static final String PLACER_ORDER_NUMBER = "urn:musubi:placer-order-number:";
    /** A facility's filler order numbers: this + its medical-institution code. */
    public static final String FILLER_ORDER_NUMBER = "urn:musubi:filler-order-number:";
    /** An imaging study's accession number: this + the facility's medical-institution code. */
    public static final String ACCESSION_NUMBER = "urn:musubi:accession-number:";
    /** The RP a prescribed drug belongs to (MedicationRequest.groupIdentifier): this + the medical-institution code. */
    public static final String RP_GROUP = "urn:musubi:rp-group:";
    /** Patient IDs of a facility without a medical-institution code: this + facility id + {@code :patient-id}. */
    public static final String FACILITY = "urn:musubi:facility:";
    /** Extension on a MedicationDispense: the prescriber (contained PractitionerRole: doctor, institution, department). */
    public static final String PRESCRIBER = "urn:musubi:fhir:prescriber";
    /** Extension on an Annotation: the JAHIS record number it came from (281, 291, 311, 391, 401 …). */
    public static final String JAHIS_NOTE_RECORD = "urn:musubi:fhir:jahis-record";
    /** Extension on a JAHIS 411 Annotation: 提供情報種別 (30, 31, 99). */
    public static final String JAHIS_INFO_TYPE = "urn:musubi:fhir:jahis-info-type";
    /**
     * Extension on what a JAHIS record became (a resource, an Annotation, an ingredient): its 作成者 as the file gave
     * it (1 医療関係者, 2 患者等, 8 その他, 9 不明), so the exporter writes it back.
     */
    public static final String JAHIS_CREATOR = "urn:musubi:fhir:jahis-creator";
    /** JAHIS 別表4 剤形コード, as MedicationDispense.category (not the MHLW 剤形区分, whose codes differ). */
    public static final String JAHIS_DOSAGE_FORM = "urn:musubi:jahis:dosage-form";
    /** JAHIS 31 成分コード of type 2: 成分名コード of the self-medication database centre; no FHIR system is published. */
    public static final String JAHIS_INGREDIENT_CODE = "urn:musubi:jahis:ingredient-code";
    /** The JAHIS record a DocumentReference came from: 4 手帳メモ, 2 患者特記 (type 9). */
    public static final String JAHIS_RECORD = "urn:musubi:jahis:record";
    /** A JAHIS HOT code (drug code type 6) of a length no MEDIS HOT system has. */
    public static final String JAHIS_OTHER_HOT = "urn:musubi:jahis:drug-code-type:6";
    /** Extension on a Binary's meta: the blob holding the Binary's content (its SHA-256, the blob store's key). */
    public static final String BLOB_SHA256 = "urn:musubi:blob-sha256";
    /** Extension on a Binary's meta: the size of its blob in bytes. */
    public static final String BLOB_SIZE = "urn:musubi:blob-size";
    /**
     * What a resident recorded in their health notebook, beside the LOINC code: weight, glucose-after-meal … (the
     * codes of the notebook's CSV), so that a value whose LOINC code alone does not say it (blood glucose after a meal,
     * measured with a glucometer) reads back as what was entered.
     */
    public static final String PHR_VITAL = "urn:musubi:phr:vital";
    /**
     * The emergency sheet (命の宝箱) of the health notebook: the canonical of the questionnaire its QuestionnaireResponse
     * answers; a QuestionnaireResponse answering it is of the policy's category EMERGENCY_SHEET.
     */
    /**
     * Musubi's CodeSystem of the letter types with no national code (返書, 服薬情報提供書, トレーシングレポート, 訪問看護指示書, a
     * free-form information document): a document typed with it is a letter between facilities (category REFERRALS).
     */
    public static final String LETTER_TYPE = "urn:musubi:letter-type";
    /**
     * Musubi's CodeSystem of Communication categories (issue 44): {@link #CARE_TEAM_NOTE} makes a Communication a note
     * of a patient's care team (category CARE_RECORDS, read by the team's care managers and care workers), not a
     * document.
     */
    public static final String COMMUNICATION_CATEGORY = "urn:musubi:communication-category";
    /** The code of {@link #COMMUNICATION_CATEGORY}: a care team's note or message about the patient. */
    public static final String CARE_TEAM_NOTE = "care-team-note";
    /**
     * Musubi's local CodeSystem of a care team's short ADL check (食事, 排泄, 入浴, 移動: {@code meal}, {@code toilet},
     * {@code bathing}, {@code mobility}), each answered independent / partial help / full help ({@code independent},
     * {@code partial}, {@code dependent}) — a home-care shorthand, not the Barthel Index (no standard code fits it).
     */
    public static final String CARE_TEAM_ADL = "urn:musubi:care-team:adl";
    /** The code of {@link #COMMUNICATION_CATEGORY} beside {@link #CARE_TEAM_NOTE} for a team's ADL check. */
    public static final String CARE_TEAM_ADL_NOTE = "care-team-adl";
    /**
     * The extension on a team's Observation, Task or Media naming its team ({@code valueReference} {@code
     * CareTeam/<uuid>}); a Media carrying it is a team's photo, category CARE_RECORDS.
     */
    public static final String CARE_TEAM_EXTENSION = "urn:musubi:fhir:care-team";
    /**
     * The code of {@link #COMMUNICATION_CATEGORY}: a case consultation (症例相談) between doctors — the thread's header
     * and its messages ({@code partOf} the header). A document (DOCUMENTS): the participants are doctors, and a care
     * team's care managers and care workers do not read it as they read the team's notes.
     */
    public static final String CASE_CONSULTATION = "case-consultation";

    /** The signature types of R4's Signature.type (ASTM E1762-95): {@code 1.2.840.10065.1.12.1.1} author's signature. */
    public static final String SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013";
    /**
     * JP-CLINS's CodeSystem of the document types (57133-1 診療情報提供書, 18842-5 退院時サマリー, …: LOINC codes in a
     * JP system), which a JP-CLINS document's Composition.type uses.
     */
    public static final String CLINS_DOC_TYPE = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes";
    /** JP-CLINS's CodeSystem of the document sections (910 紹介先情報, 920 紹介元情報 …). */
    public static final String CLINS_DOCUMENT_SECTION = "http://jpfhir.jp/fhir/clins/CodeSystem/document-section";
    /** JP-CLINS's identifier system of the insured person (保険者番号:記号:番号:枝番). */
    public static final String INSURANCE_MEMBER_ID = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";
    /** The prefix of the JP-CLINS eCS profiles' canonical URLs. */
    public static final String ECS_PROFILES = "http://jpfhir.jp/fhir/eCS/StructureDefinition/";
    /** MHLW's 2-digit prefecture numbers (the first two digits of a medical-institution code). */
    public static final String PREFECTURE_NUMBER = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/PrefectureNo-2digits";
    /** MHLW's fee-table kinds (点数表: 1 医科, 3 歯科, 4 調剤; the third digit of a medical-institution code). */
    public static final String FEE_TABLE = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationFeeScoreType";
    /** MHLW's medical-institution codes (the 7 digits after prefecture and fee table). */
    public static final String MEDICAL_ORGANIZATION_ID = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicalOrganizationID";
    public static final String ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    public static final String EMERGENCY_SHEET_QUESTIONNAIRE = "urn:musubi:questionnaire:emergency-sheet";
    /** Extension on an emergency sheet: who entered this version (resident, proxy, facility staff) and what changed. */
    public static final String PHR_SHEET_ENTRY = "urn:musubi:phr:sheet-entry";
    /** HL7 v2 table 0482, the order type of a prescription: {@code I} inpatient, {@code O} outpatient (ORC-29). */
    public static final String ORDER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0482";
    /** HL7's MedicationRequest categories: inpatient, outpatient, community, discharge. */
    public static final String MEDICATION_REQUEST_CATEGORY = "http://terminology.hl7.org/CodeSystem/medicationrequest-category";
    /**
     * {@code meta.tag} of what a facility without a system published by hand ({@code manual}): its documents and its
     * note of diagnoses, allergies and the medicines it prescribes (issue 46).
     */
    public static final String PUBLISHED_BY_HAND = "urn:musubi:published-by-hand";
    /**
     * HL7's MedicationStatement categories; {@code patientspecified}: what the patient (or someone for them) said they
     * take, as the health notebook's self-entered OTC drugs and supplements are.
     */
    public static final String MEDICATION_STATEMENT_CATEGORY =
            "http://terminology.hl7.org/CodeSystem/medication-statement-category";
    /** Beside that category on a self-entered MedicationStatement: {@code otc-drug} (一般用医薬品) or {@code supplement}. */
    public static final String PHR_OTC_KIND = "urn:musubi:phr:otc-kind";
    /** Extension on what a resident's notebook stores for them: who entered it ({@code by}: resident, proxy; {@code name}). */
    public static final String PHR_ENTERED_BY = "urn:musubi:phr:entered-by";
    /**
     * Box (issue 43): the category ({@code DocumentReference.category}, code {@link #BOX_FILE}) of a file shared
     * through Box, never a document of the record: an IHE MHD submission of such DocumentReferences sends Box files,
     * and a search of DocumentReference by it lists the files sent to the caller.
     */
    public static final String BOX = "urn:musubi:box";
    /** The code of {@link #BOX}: a Box file. */
    public static final String BOX_FILE = "file";
    /** A user (a Practitioner) by their id in Musubi's registry: a Box file's named recipient. */
    public static final String REGISTRY_USER = "urn:musubi:registry:user";
    /**
     * Extension on the Organization reference of a Box submission's intended recipient: send to its members of this
     * profession only (valueCode, Musubi's profession names: {@code NURSE}, {@code DOCTOR} …; repeat it for several).
     */
    public static final String BOX_PROFESSION = "urn:musubi:fhir:box-profession";
    /**
     * Extension on a Box file's DocumentReference about the sender's own patient: valueBoolean true also makes the file
     * a document of the patient's record (the sender's own data).
     */
    public static final String BOX_ATTACH = "urn:musubi:fhir:box-attach";
    /** Extension on a Box file's DocumentReference: when it expires and stops being downloadable (valueInstant). */
    public static final String BOX_EXPIRES = "urn:musubi:fhir:box-expires";
    /** Extension on a Box file's DocumentReference: what the malware scan found (valueCode: clean, infected …). */
    public static final String BOX_SCAN = "urn:musubi:fhir:box-scan";

    // ---- Questionnaires (regional clinical pathways, issue 44) --------------------------------------------

    /** Extension on a Questionnaire item: the least value an answer may take (valueInteger, valueDecimal, valueDate …). */
    public static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    /** Extension on a Questionnaire item: the greatest value an answer may take. */
    public static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    /** Extension on a numeric Questionnaire item: the unit of its answer (valueCoding, UCUM). */
    public static final String QUESTIONNAIRE_UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    /** Extension on a Coding of an answer option: the score the option counts for (valueDecimal). */
    public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    /** Extension on a string primitive (an item's text, an option's display): the same text in another language. */
    public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    /**
     * A pathway stage's form: this + the template's code + {@code /} + the stage's code is the canonical URL of the
     * stage's Questionnaire (its version the template's); {@code QuestionnaireResponse.questionnaire} names it.
     */
    public static final String PATHWAY_QUESTIONNAIRE = "urn:musubi:pathway:";

    /** The 主治医意見書's form (issue 44): {@code QuestionnaireResponse.questionnaire} of a doctor's opinion. */
    public static final String OPINION_QUESTIONNAIRE = "urn:musubi:questionnaire:attending-physician-opinion";
    /** The codes of the 主治医意見書's answers (日常生活自立度, 特別な医療, 認知症の行動・心理症状 …), Musubi's own. */
    public static final String OPINION_CODES = "urn:musubi:attending-physician-opinion";
    /** The 退院時情報共有 sheet's form (issue 44): {@code QuestionnaireResponse.questionnaire} of a discharge sheet. */
    public static final String DISCHARGE_SHEET_QUESTIONNAIRE = "urn:musubi:questionnaire:discharge-information";
    /**
     * Musubi's CodeSystem of the disaster-help flag (issue 44): code {@link #EVACUATION_SUPPORT} on a Flag marks a
     * resident who needs help to evacuate in a disaster (避難行動要支援者).
     */
    public static final String DISASTER_SUPPORT = "urn:musubi:disaster-support";
    /** HL7's Flag categories (the disaster-help flag is {@code safety}). */
    public static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    /** The code of {@link #DISASTER_SUPPORT}: 避難行動要支援者. */
    public static final String EVACUATION_SUPPORT = "evacuation-support";
}
