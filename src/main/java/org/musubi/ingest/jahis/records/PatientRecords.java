package org.musubi.ingest.jahis.records;

import org.musubi.ingest.jahis.records.JahisRecord.Memo;
import org.musubi.ingest.jahis.records.JahisRecord.Otc;
import org.musubi.ingest.jahis.records.JahisRecord.OtcIngredient;
import org.musubi.ingest.jahis.records.JahisRecord.PatientInfo;
import org.musubi.ingest.jahis.records.JahisRecord.PatientNote;
import org.musubi.ingest.jahis.records.JahisRecord.RegularPharmacist;
import org.musubi.ingest.jahis.records.JahisRecord.SplitControl;
import org.musubi.medication.notebook.JahisCodes;

/** Field checks of the records outside dispensing blocks: 1, 2, 3, 31, 4, 701 and 911 (labels as in the spec). */
final class PatientRecords {

    private PatientRecords() {
    }

    static PatientInfo patient(FieldReader f, int line) {
        return new PatientInfo(line, f.required(1, "患者氏名"), f.code(2, "患者性別", JahisCodes.SEX, true),
                f.date(3, "患者生年月日", true), f.text(4), f.text(5), f.text(6), f.text(7), f.text(8), f.text(9),
                f.text(10));
    }

    static PatientNote note(FieldReader f, int line) {
        return new PatientNote(line, f.code(1, "患者特記種別", JahisCodes.NOTE_TYPES, true), f.required(2, "患者特記内容"),
                f.text(3));
    }

    static Otc otc(FieldReader f, int line) {
        Integer sequence = f.integer(5, "要指導医薬品・一般用医薬品レコード通番", false);
        return new Otc(line, f.required(1, "薬品名称"), f.date(2, "服用開始年月日", false), f.date(3, "服用終了年月日", false),
                f.text(4), sequence == null ? "" : sequence.toString(), f.lenient().digits(6, "ＪＡＮコード", 13));
    }

    static OtcIngredient ingredient(FieldReader f, int line) {
        Integer sequence = f.integer(1, "要指導医薬品・一般用医薬品レコード通番", true);
        String codeType = f.code(3, "コード種別", JahisCodes.NONE_OR_CODE, true);
        String code = f.text(4);
        if ("2".equals(codeType) && code.isEmpty()) {
            f.fault("成分コード", "jahis.field.requiredWhen", "成分コード", "コード種別", codeType);
        }
        return new OtcIngredient(line, sequence == null ? "" : sequence.toString(), f.required(2, "成分名"), codeType,
                code, f.text(5));
    }

    static Memo memo(FieldReader f, int line) {
        return new Memo(line, f.required(1, "手帳メモ情報"), f.date(2, "メモ入力年月日", false), f.text(3));
    }

    static RegularPharmacist regularPharmacist(FieldReader f, int line) {
        FieldReader lenient = f.lenient();
        return new RegularPharmacist(line, lenient.required(1, "かかりつけ薬剤師氏名"), lenient.required(2, "勤務先薬局名称"),
                lenient.required(3, "連絡先"), lenient.date(4, "担当開始日", false), lenient.date(5, "担当終了日", false),
                f.text(6));
    }

    static SplitControl split(FieldReader f, int line) {
        String dataId = f.required(1, "データ固有ID").isEmpty() ? "" : f.digits(1, "データ固有ID", 14);
        Integer count = f.integer(2, "分割数", true);
        Integer number = f.integer(3, "データ連番", true);
        if (count != null && (count < 1 || count > 999)) {
            f.fault("分割数", "jahis.split.range", "分割数", String.valueOf(count), "1", "999");
            count = null;
        }
        if (count != null && number != null && (number < 1 || number > count)) {
            f.fault("データ連番", "jahis.split.range", "データ連番", String.valueOf(number), "1", String.valueOf(count));
            number = null;
        }
        return dataId.isEmpty() || count == null || number == null ? null : new SplitControl(line, dataId, count, number);
    }
}
