package org.musubi.demo.wings;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.publish.DocumentKind;
import org.musubi.publish.Publishing;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic without an EHR (docs/no-ehr.md): its receipt computer's monthly receipt (UKE, 医科) files for the last two
 * months, each with the elderly resident's receipt (her diagnoses as the clinic claims them, a synthetic insurance
 * card), imported through the pipeline as the clinic's source of kind UKE; then its doctor links her with her card and
 * the clinic's chart number (カルテ番号, the receipts' patient) and publishes by hand (手動公開) the scanned result of her
 * checkup (a PDF).
 */
final class NoEhrWing {

    private static final Logger log = LoggerFactory.getLogger(NoEhrWing.class);
    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** The clinic's chart number (カルテ番号) of the protagonist, on its receipts. */
    static final String CHART_NUMBER = "R-0417";
    /** The title of the document the clinic published by hand. */
    static final String DOCUMENT_TITLE = "特定健診 結果票（紙の写し）";
    /** The diagnoses the clinic's receipts claim (未コード化傷病名: the demo loads no receipt master). */
    static final List<String> DIAGNOSES = List.of("本態性高血圧症", "脂質異常症");

    private final DemoWings.Receipts receipts;
    private final Publishing publishing;

    NoEhrWing(DemoWings.Receipts receipts, Publishing publishing) {
        this.receipts = receipts;
        this.publishing = publishing;
    }

    /** The published document's id; empty when the clinic or the person is missing or a step was refused (logged). */
    Optional<String> tell(WingContext c, User doctor, long personId) {
        Optional<Facility> clinic = c.facilityOf(doctor);
        Optional<RegisteredPerson> person = c.person(personId);
        if (clinic.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = c.today();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int monthsAgo = 2; monthsAgo >= 1; monthsAgo--) {
            LocalDate month = today.minusMonths(monthsAgo).withDayOfMonth(1);
            files.put("RECEIPTC-" + MONTH.format(month) + ".UKE", receiptFile(clinic.get(), person.get().person(), month));
        }
        long read = receipts.importFiles(clinic.get(), files);
        log.info("Demo no-EHR clinic: {} receipt records imported", read);
        if (!c.link(doctor, personId, CHART_NUMBER) && !c.linkIfNot(doctor, personId)) {
            return Optional.empty();
        }
        Optional<String> published = c.actAs().user(doctor.id(), () -> publishing.document(c.reader(doctor), personId,
                new Publishing.Upload("checkup.pdf", WingContext.pdf("Specific health checkup - result (synthetic demo document), " + today.minusDays(12),
                        "Blood pressure 142/88 mmHg, LDL cholesterol 152 mg/dL, HbA1c 6.1 %")),
                new Publishing.Described(DOCUMENT_TITLE, DocumentKind.CHECKUP, today.minusDays(12))));
        if (published.isEmpty()) {
            log.warn("Demo no-EHR clinic: the document was not published");
        }
        return published;
    }

    /**
     * One month's 医科 receipt file (記録条件仕様: Shift_JIS, CR LF, IR · RE HO SN SY… · GO), claimed the month after:
     * the person's receipt with the clinic's two diagnoses.
     */
    static byte[] receiptFile(Facility clinic, Person p, LocalDate month) {
        String code = clinic.code().value();
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", "IR", "1", code.substring(0, 2), code.substring(2, 3), code.substring(3), "",
                clinic.nameKanji(), MONTH.format(month.plusMonths(1)), "00", clinic.phone() == null ? "" : clinic.phone()));
        String[] re = blank(38);
        re[0] = "RE";
        re[1] = "1";
        re[2] = "1112"; // 医科・医保単独・本人・入院外
        re[3] = MONTH.format(month);
        re[4] = p.familyKanji() + "　" + p.givenKanji();
        re[5] = p.sex() == Sex.MALE ? "1" : "2";
        re[6] = DAY.format(p.birthDate());
        re[13] = CHART_NUMBER;
        re[36] = p.familyKana() + "　" + p.givenKana();
        lines.add(String.join(",", re));
        String[] ho = blank(15);
        ho[0] = "HO";
        ho[1] = "06349999";
        ho[2] = "デモ";
        ho[3] = "4417";
        ho[4] = "2";
        ho[5] = "290";
        lines.add(String.join(",", ho));
        String[] sn = blank(9);
        sn[0] = "SN";
        sn[1] = "1";
        sn[2] = "01";
        sn[3] = "06349999";
        sn[4] = "デモ";
        sn[5] = "4417";
        sn[6] = "01";
        lines.add(String.join(",", sn));
        String since = DAY.format(month.minusYears(2));
        lines.add(String.join(",", "SY", "0000999", since, "1", "", DIAGNOSES.get(0), "01", ""));
        lines.add(String.join(",", "SY", "0000999", since, "1", "", DIAGNOSES.get(1), "", ""));
        lines.add(String.join(",", "GO", "1", "290", "99"));
        return (String.join("\r\n", lines) + "\r\n").getBytes(SHIFT_JIS);
    }

    private static String[] blank(int size) {
        String[] fields = new String[size];
        Arrays.fill(fields, "");
        return fields;
    }

}
