package org.musubi.ingest.orca;

/**
 * The code systems and extensions of what ORCA sends that JP Core gives no URI for: ORCA's own codes (診療種別区分,
 * 用法コード, 部位コード, the 転帰 and 疑い flags of its disease list), the MHLW master codes of items other than drugs and
 * procedures (特定器材, コメント, 単位) as ORCA sends them, and the counts of a 剤 that no FHIR element holds. Codes are
 * kept as ORCA sent them (docs/no-ehr.md, "ORCA connector").
 */
final class OrcaSystems {

    /** JP Core's 診療行為コード (医科): the 9-digit codes {@code 1…}. */
    static final String PROCEDURE = "http://jpfhir.jp/fhir/core/CodeSystem/JP_ProcedureCodesMedical_CS";
    /** 特定器材マスター: the 9-digit codes {@code 7…}, and ORCA's own material codes ({@code 058…}, {@code 059…}). */
    static final String MATERIAL = "urn:musubi:orca:material";
    /** コメントマスター: the 9-digit codes {@code 8…}, and ORCA's own comment codes ({@code 0081…} to {@code 0085…}). */
    static final String COMMENT = "urn:musubi:orca:comment";
    /** ORCA's 用法コード ({@code 001…}: 1日3回毎食後 …) of a prescription 剤. */
    static final String USAGE = "urn:musubi:orca:usage";
    /** ORCA's 部位コード ({@code 002…}: 胸部 …) of an imaging or treatment 剤. */
    static final String BODY_PART = "urn:musubi:orca:body-part";
    /** Any other code ORCA puts in a 剤 ({@code 099…}: 包括算定 and other markers of its own), kept as sent. */
    static final String ORCA_ITEM = "urn:musubi:orca:item";
    /** ORCA's 診療種別区分 (the 3-digit Medical_Class of a 剤: 120 再診, 212 内服薬剤（院外処方）, 400 処置行為 …). */
    static final String MEDICAL_CLASS = "urn:musubi:orca:medical-class";
    /** The レセ電 単位コード (Unit_Code: 016 錠 …) of a drug's or material's quantity. */
    static final String UNIT = "urn:musubi:orca:unit";
    /** ORCA's 診療科コード (the facility's own, from システム管理 1005). */
    static final String DEPARTMENT = "urn:musubi:orca:department";
    /** ORCA's 転帰 flag of a disease (Disease_OutCome: F 治癒, D 死亡, C 中止, S 移行), as sent. */
    static final String OUTCOME = "urn:musubi:orca:outcome";
    /** ORCA's 疑い・急性 flag of a disease (Disease_SuspectedFlag: S 疑い, A 急性, SA 急性かつ疑い), as sent. */
    static final String SUSPECTED_FLAG = "urn:musubi:fhir:orca-suspected-flag";
    /** A comment item's code and name (a Coding of {@link #COMMENT}) beside the note or payload holding its words. */
    static final String COMMENT_CODE = "urn:musubi:fhir:orca-comment";
    /** A disease's coded 単独補足コメント (Disease_Supplement_Single), as a Coding of {@link #ORCA_ITEM}. */
    static final String SUPPLEMENT = "urn:musubi:fhir:orca-disease-supplement";
    /** How many times a 剤 was done (Medical_Class_Number), where no FHIR element of its resources holds it. */
    static final String CLASS_NUMBER = "urn:musubi:fhir:orca-class-number";
    /** An item's Medication_Number as sent, where no FHIR element holds it (a procedure's, a material's, an 外用 drug's). */
    static final String AMOUNT = "urn:musubi:fhir:orca-amount";
    /** A contraindicated drug's 有効終了日 (Medication_EndDate) in ORCA's 患者禁忌薬剤情報, as sent. */
    static final String CONTRA_END_DATE = "urn:musubi:fhir:orca-contra-end-date";
    /** The category of a Communication holding a comment-only 剤 (990 コメント, 980 処方せん備考 …). */
    static final String COMMENT_CATEGORY = "orca-comment";

    private OrcaSystems() {
    }
}
