package org.musubi.letters.clins;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.musubi.letters.Addressee;
import org.musubi.letters.Allergy;
import org.musubi.letters.Attachment;
import org.musubi.letters.Author;
import org.musubi.letters.Coded;
import org.musubi.letters.Content;
import org.musubi.letters.Demographics;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Facility;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.Medicine;
import org.musubi.letters.Result;
import org.musubi.letters.Stay;
import org.musubi.record.fhir.FhirSystems;

/** Letters as a clinic and a hospital in Hiroshima would write them (invented people and codes of the right form). */
public final class SampleLetters {

    static final Instant ISSUED = Instant.parse("2026-11-20T01:30:00Z");
    static final Facility CLINIC = new Facility("結クリニック", "3410012345", "730-0011", "広島県広島市中区基町1-1",
            "082-000-0001");
    static final Facility HOSPITAL = new Facility("広島結病院", "3411098765", "734-0001", "広島県広島市南区出汐1-2-3",
            "082-000-0002");
    static final Demographics PATIENT = new Demographics("P000123", "結 花子", "ムスビ ハナコ", LocalDate.of(1950, 4, 1),
            "female", "730-0012", "広島県広島市中区上八丁堀2-3", "082-111-2222", "06139999:あいう:187:05");

    private SampleLetters() {
    }

    static Diagnosis diabetes() {
        return new Diagnosis(new Coded("2型糖尿病", List.of(new Coded.Code(FhirSystems.DISEASE_KEY, "20061640", "2型糖尿病"),
                new Coded.Code(FhirSystems.ICD10, "E11", null))), LocalDate.of(2018, 6, 1), true, false, true,
                "Condition/17");
    }

    static Content content(Stay stay) {
        return new Content("精査加療をお願いします。\n心エコーをご検討ください。",
                List.of(diabetes(), new Diagnosis(Coded.text("労作時の息切れ"), null, true, false, false, null),
                        new Diagnosis(new Coded("狭心症", List.of(new Coded.Code(FhirSystems.DISEASE_KEY, "20058911", "狭心症"))),
                                null, true, true, false, null)),
                "2か月前より労作時の胸部圧迫感あり。", "高血圧症（2010年〜）",
                List.of(new Diagnosis(new Coded("虫垂炎", List.of(new Coded.Code(FhirSystems.DISEASE_KEY, "20056470", "虫垂炎"))),
                        LocalDate.of(1970, 1, 1), false, false, false, null)),
                List.of(new Allergy(new Coded("ペニシリン", List.of(new Coded.Code("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/AllergenMedication",
                        "1", "ペニシリン系"))), "medication", "発疹", true, "AllergyIntolerance/4"),
                        new Allergy(Coded.text("そば"), "food", null, false, null)),
                "血圧 148/86 mmHg、心雑音なし。",
                List.of(new Result(new Coded("HbA1c", List.of(new Coded.Code(FhirSystems.JLAC10, "3D046000001920402", "HbA1c"))),
                        "7.2", "%", ISSUED, "Observation/55")),
                "食事療法とメトホルミンで加療中。",
                List.of(new Medicine(new Coded("メトホルミン塩酸塩錠250mg", List.of()), "1回1錠 1日2回 朝夕食後 28日分", null)),
                "ご高診のほどよろしくお願いいたします。", stay,
                List.of(new Attachment("血液検査結果 2026/11/20", "application/pdf", 52_311,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", new Attachment.Stored("DocumentReference/9")),
                        new Attachment("心電図", "image/jpeg", 180_004,
                                "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", new Attachment.Uploaded("letters/abc"))));
    }

    public static Letter referral(Letter enclosed) {
        return new Letter(LetterKind.REFERRAL, "R-000123", 1, ISSUED,
                new Author("結 太郎", "ムスビ タロウ", Author.Profession.DOCTOR, "内科", "staff-1"), CLINIC,
                new Addressee(HOSPITAL, 2L, "循環器内科", "広島 一郎"), PATIENT, content(null), null, enclosed);
    }

    public static Letter dischargeSummary() {
        Stay stay = new Stay(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 14), "胸痛精査", "胸痛",
                List.of(new Diagnosis(new Coded("狭心症", List.of(new Coded.Code(FhirSystems.DISEASE_KEY, "20058911", "狭心症"))),
                        null, true, true, true, null)),
                List.of(new Diagnosis(new Coded("労作性狭心症", List.of(new Coded.Code(FhirSystems.DISEASE_KEY, "20058913", "労作性狭心症"))),
                        null, true, false, true, null)),
                List.of(new Medicine(new Coded("アスピリン腸溶錠100mg", List.of()), "1回1錠 1日1回 朝食後", null)),
                "外来で経過観察をお願いします。", "軽快");
        return new Letter(LetterKind.DISCHARGE_SUMMARY, "D-000045", 1, ISSUED,
                new Author("広島 一郎", null, Author.Profession.DOCTOR, "循環器内科", "staff-2"), HOSPITAL,
                new Addressee(CLINIC, 1L, null, "結 太郎"), PATIENT, content(stay), null, null);
    }

    public static Letter local(LetterKind kind) {
        return new Letter(kind, "L-" + kind.ordinal(), 1, ISSUED,
                new Author("薬局 三郎", null, Author.Profession.PHARMACIST, null, "staff-3"),
                new Facility("結薬局", null, null, "広島県広島市中区紙屋町1-1", null),
                new Addressee(CLINIC, 1L, "内科", null), PATIENT, content(null),
                kind == LetterKind.REPLY ? "3410012345^2026^R-000123" : null, null);
    }
}
