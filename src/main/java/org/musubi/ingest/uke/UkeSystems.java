package org.musubi.ingest.uke;

import org.musubi.record.fhir.FhirSystems;

/**
 * The code systems of the MHLW masters a receipt codes its items with, for which JP Core 1.1 declares no URI, and
 * Musubi's extensions for what a receipt item says that FHIR has no element for. Codes are kept as sent.
 */
final class UkeSystems {

    /** 医薬品マスター: the 9-digit レセプト電算処理システム用医薬品コード. */
    static final String RECEIPT_MEDICATION = FhirSystems.RECEIPT_MEDICATION;
    /** 医科診療行為マスター: the 9-digit 診療行為コード. */
    static final String RECEIPT_PROCEDURE = FhirSystems.RECEIPT_PROCEDURE;
    /** 特定器材マスター: the 9-digit 特定器材コード. */
    static final String RECEIPT_MATERIAL = FhirSystems.RECEIPT_MATERIAL;
    /** コメントマスター: the 9-digit コメントコード. */
    static final String RECEIPT_COMMENT = FhirSystems.RECEIPT_COMMENT;
    /** A comment's 文字データ as sent, beside the words its note shows (when they differ). */
    static final String COMMENT_DATA = "urn:musubi:fhir:receipt-comment-data";
    /** The 2-digit 診療識別 (11 初診, 21 内服, 40 処置 …) an item is billed under. */
    static final String TREATMENT_CATEGORY = "urn:musubi:receipt:treatment-category";
    /** The 14-character DPC 診断群分類番号 of a stay. */
    static final String DPC_GROUP = "urn:musubi:receipt:dpc-group";
    /** The receipt an item came from: {@code <診療年月>:<レセプト種別>}. */
    static final String RECEIPT = "urn:musubi:receipt:receipt";
    /** How many times the item was done that day (the day column's count). */
    static final String DAY_COUNT = "urn:musubi:fhir:receipt-day-count";
    /** The item's 数量データ / 使用量 as sent, in the master's unit. */
    static final String AMOUNT = "urn:musubi:fhir:receipt-amount";
    /** 調剤: the 3-digit 用法コード of a 処方 (記録条件仕様 調剤用 別表, 001 1日3回食前服用 …, 900 未コード化). */
    static final String PHARMACY_USAGE = "urn:musubi:receipt:usage";
    /** 調剤: the 剤形 of a 処方 (1 内服, 2 内滴, 3 屯服, 4 注射, 5 外用, 6 浸煎, 7 湯, 9 材料). */
    static final String DOSAGE_FORM = "urn:musubi:receipt:dosage-form";
    /** DPC: the 傷病名区分 of an SB diagnosis (主傷病名, 入院の契機, 医療資源を最も投入した傷病名 …), as sent. */
    static final String DPC_DIAGNOSIS_ROLE = "urn:musubi:receipt:dpc-diagnosis-role";
    /** The SY 転帰区分 as sent (1 継続, 2 治ゆ, 3 死亡, 4 中止・転医), beside the clinical status it maps to. */
    static final String OUTCOME = "urn:musubi:receipt:outcome";
    /** A comment (CO, SJ) as its communication category. */
    static final String COMMENT_CATEGORY = "receipt-comment";

    private UkeSystems() {
    }
}
