package org.musubi.letters.render;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.musubi.letters.Addressee;
import org.musubi.letters.Allergy;
import org.musubi.letters.AnsweredLetter;
import org.musubi.letters.Attachment;
import org.musubi.letters.Author;
import org.musubi.letters.Coded;
import org.musubi.letters.Content;
import org.musubi.letters.Demographics;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Facility;
import org.musubi.letters.FormDetails;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.Medicine;
import org.musubi.letters.Result;
import org.musubi.letters.Stay;

/** Filled letters of every kind, with invented people, facilities and codes (names with 髙, 﨑 and ① on purpose). */
public final class FormLetters {

    static final Instant ISSUED = Instant.parse("2026-11-20T01:30:00Z");
    static final Facility CLINIC = new Facility("結クリニック", "3410012345", "730-0011", "広島県広島市中区基町1-1",
            "082-000-0001");
    static final Facility HOSPITAL = new Facility("広島結病院", "3411098765", "734-0001", "広島県広島市南区出汐1-2-3",
            "082-000-0002");
    static final Facility PHARMACY = new Facility("結薬局", null, "730-0031", "広島県広島市中区紙屋町1-1", "082-000-0003");
    static final Demographics PATIENT = new Demographics("P000123", "髙﨑 花子", "タカサキ ハナコ", LocalDate.of(1950, 4, 1),
            "female", "730-0012", "広島県広島市中区上八丁堀2-3", "082-111-2222", "06139999:あいう:187:05");
    static final Author DOCTOR = new Author("結 太郎", "ムスビ タロウ", Author.Profession.DOCTOR, "内科", "staff-1");

    private FormLetters() {
    }

    static Content content(String course, int attachments, Stay stay, FormDetails details) {
        return new Content("胸部圧迫感の精査をお願いします。",
                List.of(new Diagnosis(Coded.text("2型糖尿病"), LocalDate.of(2018, 6, 1), true, false, true, null),
                        new Diagnosis(Coded.text("狭心症"), null, true, true, false, null)),
                "2か月前より労作時の胸部圧迫感あり。", "高血圧症（2010年〜）、父に心筋梗塞。",
                List.of(new Diagnosis(Coded.text("虫垂炎"), LocalDate.of(1970, 1, 1), false, false, false, null)),
                List.of(new Allergy(Coded.text("ペニシリン"), "medication", "発疹", true, null)),
                "血圧 148/86 mmHg、心雑音なし。",
                List.of(new Result(Coded.text("HbA1c"), "7.2", "%", ISSUED, null)),
                course,
                List.of(new Medicine(Coded.text("メトホルミン塩酸塩錠250mg"), "1回1錠 1日2回 朝夕食後 28日分", null)),
                "① 食事指導を継続中です。", stay,
                java.util.stream.IntStream.range(0, attachments).mapToObj(i -> new Attachment("検査結果 " + (i + 1),
                        "application/pdf", 52_311L * (i + 1), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0"
                        + i % 10, new Attachment.Stored("DocumentReference/" + (i + 9)))).toList(), details);
    }

    static Stay stay() {
        return new Stay(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 14), "胸痛精査", "胸痛",
                List.of(new Diagnosis(Coded.text("狭心症"), null, true, true, true, null)),
                List.of(new Diagnosis(Coded.text("労作性狭心症"), null, true, false, true, null)),
                List.of(new Medicine(Coded.text("アスピリン腸溶錠100mg"), "1回1錠 1日1回 朝食後", null)),
                "外来で経過観察をお願いします。", "軽快");
    }

    /** A filled letter of {@code kind} with {@code course} as its course and {@code attachments} attachments. */
    public static Letter of(LetterKind kind, String course, int attachments) {
        FormDetails details = switch (kind) {
            case MEDICATION_INFORMATION, TRACING_REPORT -> new FormDetails(null, new FormDetails.Pharmacy(
                    LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 19), "夕食後の服用への変更をご検討ください。",
                    FormDetails.Consent.AGREED), null);
            case HOME_NURSING_ORDER -> new FormDetails(null, null, new FormDetails.Nursing(LocalDate.of(2026, 12, 1),
                    LocalDate.of(2027, 5, 31), "心不全は安定。", FormDetails.Bedridden.A1, FormDetails.Dementia.IIA,
                    "体重と浮腫を毎回確認してください。", "結クリニック 082-000-0001（夜間 090-0000-0000）"));
            default -> new FormDetails("無職", null, null);
        };
        Stay stay = kind == LetterKind.DISCHARGE_SUMMARY ? stay() : null;
        boolean pharmacy = kind == LetterKind.MEDICATION_INFORMATION || kind == LetterKind.TRACING_REPORT;
        return new Letter(kind, "R-" + kind.ordinal(), 1, ISSUED,
                pharmacy ? new Author("薬局 三郎", null, Author.Profession.PHARMACIST, null, null) : DOCTOR,
                pharmacy ? PHARMACY : kind == LetterKind.DISCHARGE_SUMMARY ? HOSPITAL : CLINIC,
                new Addressee(kind == LetterKind.DISCHARGE_SUMMARY ? CLINIC : HOSPITAL, 2L, "循環器内科", "広島 一郎"),
                PATIENT, content(course, attachments, stay, details),
                kind == LetterKind.REPLY ? "3411098765^2026^R-000123" : null, null,
                kind == LetterKind.REPLY ? ANSWERED : null);
    }

    /** The referral a reply answers: the hospital's, by its doctor. */
    static final AnsweredLetter ANSWERED = new AnsweredLetter(LetterKind.REFERRAL, LocalDate.of(2026, 11, 10),
            "広島結病院", "広島 一郎");

    /** {@link #of(LetterKind)} quoting {@code results} instead of its HbA1c. */
    static Letter withResults(LetterKind kind, List<Result> results) {
        Letter letter = of(kind);
        Content c = letter.content();
        return new Letter(letter.kind(), letter.number(), letter.version(), letter.issued(), letter.author(),
                letter.sender(), letter.addressee(), letter.patient(), new Content(c.purpose(), c.diagnoses(),
                c.presentIllness(), c.history(), c.pastDiagnoses(), c.allergies(), c.findings(), results, c.course(),
                c.medicines(), c.remarks(), c.stay(), c.attachments(), c.details()), letter.repliesTo(),
                letter.enclosedSummary(), letter.answered());
    }

    static Letter of(LetterKind kind) {
        return of(kind, "食事療法とメトホルミンで加療中。", 2);
    }
}
