package org.musubi.ingest.jahis.records;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One JAHIS TC record after its fields were checked, typed by record number. Text fields are as sent
 * (empty string when absent), dates are parsed, a field that failed its check is null. Records of the
 * same shape share a type and keep their number: {@link RpNote} (281, 291, 311, 391) and
 * {@link BlockNote} (401, 411, 421, 501, 601).
 */
public sealed interface JahisRecord {

    /** The 1-based line the record stands on. */
    int line();

    /** A record that belongs to the dispensing block of the 5 before it (11 … 601). */
    sealed interface InBlock extends JahisRecord {
    }

    /** 1 患者情報. */
    record PatientInfo(int line, String name, String sex, LocalDate birthDate, String postalCode, String address,
                       String phone, String emergencyContact, String bloodType, String weight, String kanaName)
            implements JahisRecord {
    }

    /** 2 患者特記: type 1 allergy, 2 adverse reaction, 3 past history, 9 other. */
    record PatientNote(int line, String type, String content, String creator) implements JahisRecord {
    }

    /** 3 要指導医薬品・一般用医薬品服用 (OTC drug). */
    record Otc(int line, String name, LocalDate start, LocalDate end, String creator, String sequence, String janCode)
            implements JahisRecord {
    }

    /** 31 要指導医薬品・一般用医薬品成分 (an ingredient of the OTC drug with the same sequence number). */
    record OtcIngredient(int line, String sequence, String name, String codeType, String code, String creator)
            implements JahisRecord {
    }

    /** 4 手帳メモ. */
    record Memo(int line, String content, LocalDate inputDate, String creator) implements JahisRecord {
    }

    /** 5 調剤等年月日: starts a dispensing block. */
    record DispensingDate(int line, LocalDate date, String creator) implements JahisRecord {
    }

    /** 11 調剤－医療機関等 (the dispensing pharmacy or institution). */
    record Pharmacy(int line, String name, String prefecture, String feeTable, String code, String postalCode,
                    String address, String phone, String creator) implements InBlock {
    }

    /** 15 調剤－医師・薬剤師. */
    record Pharmacist(int line, String name, String contact, String creator) implements InBlock {
    }

    /** 51 処方－医療機関. */
    record PrescribingInstitution(int line, String name, String prefecture, String feeTable, String code,
                                  String creator) implements InBlock {
    }

    /** 55 処方－医師: owns the RPs after it, up to the next 55. */
    record Prescriber(int line, String name, String department, String creator) implements InBlock {
    }

    /** 201 薬品. */
    record Drug(int line, int rp, String name, BigDecimal dose, String unit, String codeType, String code,
                String creator, String genericName, String genericCodeType, String genericCode) implements InBlock {
    }

    /** 301 用法. */
    record Usage(int line, int rp, String usage, Integer quantity, String unit, String dosageForm, String usageCodeType,
                 String usageCode, String creator) implements InBlock {
    }

    /** 281 薬品補足, 291 薬品服用注意 (of the drug before it), 311 用法補足, 391 処方服用注意 (of the RP). */
    record RpNote(int line, int number, int rp, String content, String creator) implements InBlock {
    }

    /**
     * 401 服用注意, 411 医療機関等提供情報 (with its type 30/31/99), 421 残薬確認, 501 備考, 601 患者等記入 (with
     * its input date): notes on the whole dispensing.
     */
    record BlockNote(int line, int number, String content, String infoType, LocalDate inputDate, String creator)
            implements InBlock {
    }

    /** 701 かかりつけ薬剤師. */
    record RegularPharmacist(int line, String name, String pharmacy, String contact, LocalDate start, LocalDate end,
                             String creator) implements JahisRecord {
    }

    /** 911 分割制御: this text is part {@code number} of {@code count} of the data {@code dataId}. */
    record SplitControl(int line, String dataId, int count, int number) implements JahisRecord {
    }
}
