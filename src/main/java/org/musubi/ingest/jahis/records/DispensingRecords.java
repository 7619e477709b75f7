package org.musubi.ingest.jahis.records;

import org.musubi.ingest.jahis.records.JahisRecord.BlockNote;
import org.musubi.ingest.jahis.records.JahisRecord.DispensingDate;
import org.musubi.ingest.jahis.records.JahisRecord.Drug;
import org.musubi.ingest.jahis.records.JahisRecord.Pharmacist;
import org.musubi.ingest.jahis.records.JahisRecord.Pharmacy;
import org.musubi.ingest.jahis.records.JahisRecord.Prescriber;
import org.musubi.ingest.jahis.records.JahisRecord.PrescribingInstitution;
import org.musubi.ingest.jahis.records.JahisRecord.RpNote;
import org.musubi.ingest.jahis.records.JahisRecord.Usage;
import org.musubi.medication.notebook.JahisCodes;

/**
 * Field checks of the records of a dispensing block (5 … 601). Faults in what was dispensed (date,
 * drug, code, dose, quantity, RP number) are errors; faults in descriptive fields (prefecture, codes
 * of forms and usages, note types) are warnings and the field is dropped.
 */
final class DispensingRecords {

    private static final String RP = "RP番号";

    private DispensingRecords() {
    }

    static DispensingDate date(FieldReader f, int line) {
        return new DispensingDate(line, f.date(1, "調剤等年月日", true), f.text(2));
    }

    static Pharmacy pharmacy(FieldReader f, int line) {
        FieldReader lenient = f.lenient();
        return new Pharmacy(line, f.required(1, "医療機関等名称"),
                lenient.code(2, "医療機関等都道府県", JahisCodes.PREFECTURES, false),
                lenient.code(3, "医療機関等点数表", JahisCodes.DISPENSING_FEE_TABLES, false),
                lenient.digits(4, "医療機関等コード", 7), f.text(5), f.text(6), f.text(7), f.text(8));
    }

    static Pharmacist pharmacist(FieldReader f, int line) {
        return new Pharmacist(line, f.required(1, "医師・薬剤師氏名"), f.text(2), f.text(3));
    }

    static PrescribingInstitution institution(FieldReader f, int line) {
        FieldReader lenient = f.lenient();
        return new PrescribingInstitution(line, f.required(1, "医療機関名称"),
                lenient.code(2, "医療機関都道府県", JahisCodes.PREFECTURES, false),
                lenient.code(3, "医療機関点数表", JahisCodes.PRESCRIBING_FEE_TABLES, false),
                lenient.digits(4, "医療機関コード", 7), f.text(5));
    }

    static Prescriber prescriber(FieldReader f, int line) {
        return new Prescriber(line, f.required(1, "医師氏名"), f.text(2), f.text(3));
    }

    static Drug drug(FieldReader f, int line) {
        Integer rp = f.integer(1, RP, true);
        String codeType = f.code(5, "薬品コード種別", JahisCodes.DRUG_CODE_TYPES, false);
        String code = f.text(6);
        if (JahisCodes.CODED_DRUG_TYPES.contains(codeType) && code.isEmpty()) {
            f.fault("薬品コード", "jahis.drug.codeMissing", codeType);
        }
        FieldReader lenient = f.lenient();
        String genericCodeType = lenient.code(9, "一般名コード種別", JahisCodes.NONE_OR_CODE, false);
        String genericCode = f.text(10);
        if ("2".equals(genericCodeType) && genericCode.isEmpty()) {
            lenient.fault("一般名コード", "jahis.field.requiredWhen", "一般名コード", "一般名コード種別", genericCodeType);
        }
        return new Drug(line, rp == null ? 0 : rp, f.required(2, "薬品名称"), f.decimal(3, "用量"), f.text(4), codeType,
                code, f.text(7), f.text(8), genericCodeType, genericCode);
    }

    static Usage usage(FieldReader f, int line) {
        Integer rp = f.integer(1, RP, true);
        FieldReader lenient = f.lenient();
        String codeType = lenient.code(6, "用法コード種別", JahisCodes.NONE_OR_CODE, false);
        String code = f.text(7);
        if ("2".equals(codeType) && code.isEmpty()) {
            lenient.fault("用法コード", "jahis.field.requiredWhen", "用法コード", "用法コード種別", codeType);
        }
        return new Usage(line, rp == null ? 0 : rp, f.text(2), f.integer(3, "調剤数量", false), f.text(4),
                lenient.code(5, "剤形コード", JahisCodes.DOSAGE_FORMS.keySet(), false), codeType, code, f.text(8));
    }

    static RpNote rpNote(FieldReader f, int line, int number) {
        Integer rp = f.integer(1, RP, true);
        String label = switch (number) {
            case 281 -> "薬品補足情報";
            case 311 -> "用法補足情報";
            default -> "内容";
        };
        return new RpNote(line, number, rp == null ? 0 : rp, f.lenient().required(2, label), f.text(3));
    }

    static BlockNote blockNote(FieldReader f, int line, int number) {
        FieldReader lenient = f.lenient();
        String label = switch (number) {
            case 421 -> "残薬内容";
            case 501 -> "備考情報";
            case 601 -> "患者等記入情報";
            default -> "内容";
        };
        String content = lenient.required(1, label);
        return switch (number) {
            case 411 -> new BlockNote(line, number, content,
                    lenient.code(2, "提供情報種別", JahisCodes.INFO_TYPES, false), null, f.text(3));
            case 601 -> new BlockNote(line, number, content, "", lenient.date(2, "入力年月日", false), "");
            default -> new BlockNote(line, number, content, "", null, f.text(2));
        };
    }
}
