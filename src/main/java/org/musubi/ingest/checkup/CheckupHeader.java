package org.musubi.ingest.checkup;

import java.time.LocalDate;
import org.musubi.identity.Sex;

/**
 * What a checkup document's header says (健診管理情報): who was examined, on which day (健診実施年月日), by whom
 * (the checkup organisation; may be null) and in which programme (プログラム種別; may be null).
 */
record CheckupHeader(String reportKind, LocalDate performed, Examinee examinee, Organisation organisation,
                     Programme programme) {

    /**
     * The examinee (受診者) as the document identifies them: 保険者番号, 被保険者証等記号 (may be null), 番号 and 枝番
     * (may be null), and the demographics 名寄せ uses (each may be null but the birth date; sex may be UNKNOWN).
     */
    record Examinee(String insurer, String symbol, String number, String branch, String kanji, String kana, Sex sex,
                    LocalDate birthDate, String postalCode, String address, String phone) {
    }

    /** The checkup organisation (健診実施機関): its 10-digit 特定健診機関番号 (may be null), name and contacts. */
    record Organisation(String number, String name, String phone, String postalCode, String address) {
    }

    /** The programme of the checkup (プログラム種別, OID 1.2.392.200119.6.1002): e.g. {@code 010} 特定健診. */
    record Programme(String code, String name) {
    }
}
