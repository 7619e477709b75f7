package org.musubi.letters.render;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.musubi.letters.Addressee;
import org.musubi.letters.AnsweredLetter;
import org.musubi.letters.Author;
import org.musubi.letters.Demographics;
import org.musubi.letters.FormDetails;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.clins.ClinsDocuments;

/**
 * A letter as its form shows it, for one reader's language: what the template {@code letters/form} lays out. Words
 * are the letter's own; coded values are message keys ({@code kindKey}, {@code sexKey}, {@code professionKey}, the
 * rows' labels); dates are written for the language.
 *
 * @param kind         the kind (the template chooses the header's wording by it)
 * @param kindKey      the form's title ({@code letter.kind.REFERRAL}: 診療情報提供書)
 * @param documentId   {@code <institution code>^<year>^<number>}, as on the FHIR document
 * @param version      the letter's version
 * @param issued       the day of issue (Japan)
 * @param addressee    to whom
 * @param sender       from which facility ({@code letter.sender()})
 * @param author       who writes, and {@code professionKey} their profession's label
 * @param patient      the patient, {@code sexKey} the sex's label, {@code age} in years on the day of issue
 * @param birthDate    the birth date written for the language
 * @param prescribed   処方日 of a pharmacy report, or {@code null}
 * @param dispensed    調剤日 of a pharmacy report, or {@code null}
 * @param occupation   職業, or {@code null}
 * @param repliesTo    the document identifier ({@code <institution code>^<year>^<number>}) of the letter a reply
 *                     answers, or {@code null} (also when the reply holds no such identifier: an id is never printed)
 * @param answered     the letter a reply answers as people name it (kind, day, facility, author), or {@code null}
 * @param answeredKindKey its kind's label ({@code letter.kind.REFERRAL}), or {@code null}
 * @param answeredIssued  the day it was sent, written for the language, or {@code null}
 * @param sections     the form's boxes in order
 * @param attachments  the attachments' lines (添付資料)
 * @param enclosed     an enclosed discharge summary, or {@code null}
 */
public record LetterView(LetterKind kind, String kindKey, String documentId, int version, String issued,
                         Addressee addressee, org.musubi.letters.Facility sender, Author author, String professionKey,
                         Demographics patient, String sexKey, int age, String birthDate, String prescribed,
                         String dispensed, String occupation, String repliesTo, AnsweredLetter answered,
                         String answeredKindKey, String answeredIssued, List<Section> sections,
                         List<Row> attachments, LetterView enclosed) {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** A JP-CLINS document identifier: 10-digit institution code, year, the letter's number. */
    private static final Pattern DOCUMENT_ID = Pattern.compile("\\d{10}\\^\\d{4}\\^[A-Za-z0-9-]{1,32}");

    /** The view of {@code letter} in {@code locale}'s language (Japanese when not English). */
    public static LetterView of(Letter letter, Locale locale) {
        Rows rows = new Rows(locale);
        LocalDate issued = LocalDate.ofInstant(letter.issued(), JAPAN);
        Demographics p = letter.patient();
        FormDetails d = letter.content().details();
        FormDetails.Pharmacy pharmacy = d.pharmacy();
        AnsweredLetter answered = letter.answered();
        return new LetterView(letter.kind(), "letter.kind." + letter.kind(), ClinsDocuments.documentId(letter),
                letter.version(), rows.date(issued), letter.addressee(), letter.sender(), letter.author(),
                "letter.profession." + letter.author().profession(), p, "sex." + p.sex().toUpperCase(Locale.ROOT),
                Period.between(p.birthDate(), issued).getYears(), rows.date(p.birthDate()),
                pharmacy == null ? null : rows.date(pharmacy.prescribed()),
                pharmacy == null ? null : rows.date(pharmacy.dispensed()), d.occupation(),
                letter.repliesTo() != null && DOCUMENT_ID.matcher(letter.repliesTo()).matches() ? letter.repliesTo()
                        : null, answered, answered == null ? null : "letter.kind." + answered.kind(),
                answered == null ? null : rows.date(answered.issued()), FormLayout.sections(letter, rows), Rows.attachments(letter.content().attachments()),
                letter.enclosedSummary() == null ? null : of(letter.enclosedSummary(), locale));
    }

    /** Whether the form is a pharmacy's report (服薬情報提供書, トレーシングレポート), whose header names the prescriber. */
    public boolean pharmacyReport() {
        return kind == LetterKind.MEDICATION_INFORMATION || kind == LetterKind.TRACING_REPORT;
    }
}
