package org.musubi.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.registry.Facility;

/**
 * The source files of the demo's story about one patient, dated relative to {@code today}, written as the
 * facilities' systems would send them and imported through the same pipeline as every other file:
 * <ul>
 * <li>the hospital's lab centre's CSV ({@code docs/lab-csv.md}): HbA1c rising over the last year across the
 *     upper reference limit, with fasting glucose, and one row with an impossible collection date, which the import
 *     rejects alone (the demo's rejected record);</li>
 * <li>the pharmacy's JAHIS notebook: an allergy (cephem antibiotics), and amlodipine dispensed twice this month on
 *     prescriptions from two institutions (the hospital and a clinic), both still being taken: the
 *     duplicate-medication alert;</li>
 * <li>the hospital's SS-MIX2 extended storage: a discharge summary and a referral letter back to the clinic;</li>
 * <li>the clinic's lab CSV for a patient registered with a slip in the birth date: a 名寄せ review item.</li>
 * </ul>
 */
final class StoryFiles {

    /** HbA1c (NGSP) as the synthetic network's hospitals code it, so that the story's values join their row. */
    static final String HBA1C_JLAC10 = "3D046000001920402";
    static final String GLUCOSE_JLAC10 = "3D010000001926101";
    static final String AMLODIPINE_YJ = "2171022F1020";
    /** HbA1c each order, oldest first: the last three above the reference range's upper limit (6.0 %). */
    static final List<String> HBA1C = List.of("5.8", "6.0", "6.3", "6.7", "7.1", "7.4");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String CRLF = "\r\n";

    private StoryFiles() {
    }

    /** The hospital's lab CSV for its patient {@code localId}; returns the folder holding it. */
    static Path labCsv(Path folder, Facility hospital, String localId, Person person, LocalDate today) {
        StringBuilder csv = new StringBuilder("patient_id,name_kanji,name_kana,birth_date,sex,order_no,collected_at,"
                + "jlac10,test_name,value,unit,ref_low,ref_high,abnormal_flag\n");
        String name = person.familyKanji() + " " + person.givenKanji() + "," + person.familyKana() + " " + person.givenKana()
                + "," + person.birthDate() + "," + (person.sex() == Sex.MALE ? "M" : person.sex() == Sex.FEMALE ? "F" : "U");
        for (int i = 0; i < HBA1C.size(); i++) {
            LocalDate day = today.minusMonths(2L * (HBA1C.size() - 1 - i)).minusDays(7);
            String order = "DEMO-LAB-" + DAY.format(day);
            String hba1c = HBA1C.get(i);
            csv.append(String.join(",", localId, name, order, day + " 09:30", HBA1C_JLAC10, "HbA1c(NGSP)", hba1c, "%",
                    "4.9", "6.0", Double.parseDouble(hba1c) > 6.0 ? "H" : "N")).append('\n');
            String glucose = Integer.toString(104 + 6 * i);
            csv.append(String.join(",", localId, name, order, day + " 09:30", GLUCOSE_JLAC10, "グルコース", glucose,
                    "mg/dL", "73", "109", Integer.parseInt(glucose) > 109 ? "H" : "N")).append('\n');
        }
        // A row as a lab system sometimes sends it: a collection date that does not exist. Rejected alone.
        csv.append(String.join(",", localId, name, "DEMO-LAB-BAD", today.getYear() + "-02-30 09:30", GLUCOSE_JLAC10,
                "グルコース", "118", "mg/dL", "73", "109", "H")).append('\n');
        return write(folder.resolve(hospital.code().value()).resolve("lab-csv"), "story-lab.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The pharmacy's JAHIS notebook for {@code person}: amlodipine on the hospital's prescription 20 days ago for 56
     * days, and again on the clinic's 3 days ago for 28 days.
     */
    static Path jahis(Path folder, Facility pharmacy, Facility hospital, Facility clinic, Person person, LocalDate today) {
        StringBuilder out = new StringBuilder("JAHISTC08,1").append(CRLF);
        record(out, "1", person.familyKanji() + "　" + person.givenKanji(),
                person.sex() == Sex.MALE ? "1" : person.sex() == Sex.FEMALE ? "2" : "", DAY.format(person.birthDate()),
                "", "", "", "", "", "", person.familyKana() + "　" + person.givenKana());
        record(out, "2", "1", "セフェム系抗生物質で全身に発疹", "1");
        dispensing(out, today.minusDays(3), pharmacy, clinic, "28");
        dispensing(out, today.minusDays(20), pharmacy, hospital, "56");
        return write(folder.resolve(pharmacy.code().value()).resolve("jahis"), "story-notebook.txt",
                out.toString().getBytes(Charset.forName("Shift_JIS")));
    }

    /**
     * The hospital's SS-MIX2 extended storage for its patient {@code localId}: the discharge summary of a stay that
     * ended ten days ago, and the referral letter (逆紹介) back to the clinic that follows the patient; plain text
     * documents. Returns the storage's root.
     */
    static Path documents(Path folder, Facility hospital, Facility clinic, String localId, Person person, LocalDate today) {
        Path root = folder.resolve(hospital.code().value()).resolve("ssmix2");
        LocalDate discharged = today.minusDays(10);
        String name = person.familyKanji() + " " + person.givenKanji();
        document(root, localId, discharged, "^退院時サマリー^^18842-5^退院時サマリー^LN", "000000000000001", """
                退院時サマリー（デモ・架空のデータです）
                患者：%s 様
                入院：%s　退院：%s
                入院時診断：2型糖尿病（血糖コントロール不良）、本態性高血圧症
                経過：教育入院。食事療法と運動療法を指導し、血糖は改善した。HbA1c は上昇傾向（直近 7.4%%）。
                アレルギー：セフェム系抗生物質で全身に発疹（お薬手帳より）。
                退院時処方：アムロジピン錠5mg 1日1回朝食後 ほか。
                退院後：%s にて継続加療をお願いした（診療情報提供書を参照）。
                """.formatted(name, discharged.minusDays(14), discharged, clinic.nameKanji()));
        document(root, localId, discharged, "^診療情報提供書^^57133-1^診療情報提供書^LN", "000000000000002", """
                診療情報提供書（デモ・架空のデータです）
                %s 先生御侍史
                患者：%s 様
                平素より大変お世話になっております。上記の患者様は 2 型糖尿病の教育入院を終え、%s に退院されました。
                今後の血糖・血圧管理をお願い申し上げます。降圧薬はアムロジピン錠5mg を継続しています。
                セフェム系抗生物質にアレルギーがありますのでご注意ください。
                %s
                """.formatted(clinic.nameKanji(), name, discharged, hospital.nameKanji()));
        return root;
    }

    private static void document(Path root, String localId, LocalDate day, String type, String order, String text) {
        String date = DAY.format(day);
        String content = localId + "_" + date + "_" + type + "_" + order + "_" + date + "150000000_01_1";
        Path folder = root.resolve(localId.substring(0, 3)).resolve(localId.substring(3, 6)).resolve(localId).resolve(date)
                .resolve(type).resolve(content);
        write(folder, "main_document.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The clinic's lab CSV for a patient it registered with the protagonist's name and sex but a birth date whose
     * month and day are swapped (a typing slip): matching cannot be sure, so the patient waits in the operators'
     * review queue (名寄せ確認).
     */
    static Path reviewCsv(Path folder, Facility clinic, Person person, LocalDate today) {
        LocalDate birth = person.birthDate();
        LocalDate slip = birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()
                ? LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue()) : birth.plusDays(1);
        String row = String.join(",", "DEMO-0001", person.familyKanji() + " " + person.givenKanji(),
                person.familyKana() + " " + person.givenKana(), slip.toString(),
                person.sex() == Sex.MALE ? "M" : person.sex() == Sex.FEMALE ? "F" : "U", "DEMO-REVIEW-1",
                today.minusDays(2) + " 10:00", GLUCOSE_JLAC10, "グルコース", "126", "mg/dL", "73", "109", "H");
        return write(folder.resolve(clinic.code().value()).resolve("lab-csv"), "story-review.csv",
                ("patient_id,name_kanji,name_kana,birth_date,sex,order_no,collected_at,jlac10,test_name,value,unit,"
                        + "ref_low,ref_high,abnormal_flag\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void dispensing(StringBuilder out, LocalDate day, Facility pharmacy, Facility prescriber, String days) {
        record(out, "5", DAY.format(day), "1");
        String code = pharmacy.code().value();
        record(out, "11", pharmacy.nameKanji(), code.substring(0, 2), code.substring(2, 3), code.substring(3), "", "", "",
                "1");
        record(out, "15", "結び 薬子", "", "1");
        String by = prescriber.code().value();
        record(out, "51", prescriber.nameKanji(), by.substring(0, 2), by.substring(2, 3), by.substring(3), "1");
        record(out, "55", "結び 太郎", "内科", "1");
        record(out, "201", "1", "アムロジピン錠5mg", "1", "錠", "4", AMLODIPINE_YJ, "1");
        record(out, "301", "1", "1日1回朝食後", days, "日分", "1", "1", "", "1");
    }

    private static void record(StringBuilder out, String number, String... fields) {
        out.append(number);
        for (String field : fields) {
            out.append(',').append(field);
        }
        out.append(CRLF);
    }

    private static Path write(Path directory, String name, byte[] content) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), content);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
