package org.musubi.letters;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A letter from one facility to another about one patient: a 診療情報提供書, 退院時サマリー, 返書, 服薬情報提供書,
 * トレーシングレポート, 訪問看護指示書 or a free-form information document ({@link LetterKind}). The composer fills it,
 * the PDF renders it, the signature covers the FHIR document made of it ({@code org.musubi.letters.clins}).
 *
 * @param kind        the kind of letter
 * @param number      the letter's number at the sending facility, unique within the year of {@code issued}
 *                    (1–32 characters: letters, digits, {@code -}); with the institution code and the year it makes
 *                    the document identifier {@code <code>^<year>^<number>}
 * @param version     the version of this letter (1 for the first; a corrected letter keeps its number)
 * @param issued      when it was issued (signed)
 * @param author      who writes it
 * @param sender      the sending facility
 * @param addressee   the receiving facility (and department, doctor)
 * @param patient     the patient as the sender's record holds them
 * @param content     what it says
 * @param repliesTo   for a reply: the document identifier of the letter it answers; otherwise {@code null}
 * @param enclosedSummary a discharge summary sent with a referral (a letter of kind DISCHARGE_SUMMARY), or {@code null}
 * @param answered    for a reply: the letter it answers as people name it (kind, day, facility, author), which the
 *                    paper form prints; {@code null} otherwise, and for replies stored before it was kept
 */
public record Letter(LetterKind kind, String number, int version, Instant issued, Author author, Facility sender,
                    Addressee addressee, Demographics patient, Content content, String repliesTo,
                    Letter enclosedSummary, AnsweredLetter answered) {

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

    public Letter {
        if (kind == null || issued == null || author == null || sender == null || addressee == null || patient == null
                || content == null) {
            throw new IllegalArgumentException("letter: kind, issued, author, sender, addressee, patient and content are required");
        }
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("letter.number must be 1–32 letters, digits or '-': " + number);
        }
        if (version < 1) {
            throw new IllegalArgumentException("letter.version starts at 1");
        }
        if (kind.national() && sender.institutionCode() == null) {
            throw new IllegalArgumentException("a " + kind.japanese() + " needs the sender's 10-digit institution code");
        }
        if (kind.national() && patient.insuranceMemberId() == null) {
            throw new IllegalArgumentException("a " + kind.japanese() + " needs the patient's insurance member identifier "
                    + "(JP-CLINS identifies the patient by it)");
        }
        if (kind == LetterKind.DISCHARGE_SUMMARY && content.stay() == null) {
            throw new IllegalArgumentException("a discharge summary needs the stay");
        }
        if (enclosedSummary != null && (kind != LetterKind.REFERRAL || enclosedSummary.kind() != LetterKind.DISCHARGE_SUMMARY)) {
            throw new IllegalArgumentException("only a referral encloses a discharge summary");
        }
        if (answered != null && kind != LetterKind.REPLY) {
            throw new IllegalArgumentException("only a reply names the letter it answers");
        }
    }

    /** A letter that names no letter answered (every kind but a reply, or a reply without it). */
    public Letter(LetterKind kind, String number, int version, Instant issued, Author author, Facility sender,
                  Addressee addressee, Demographics patient, Content content, String repliesTo,
                  Letter enclosedSummary) {
        this(kind, number, version, issued, author, sender, addressee, patient, content, repliesTo, enclosedSummary,
                null);
    }

    /** This letter naming {@code answered}, the letter it answers. */
    public Letter answering(AnsweredLetter answered) {
        return new Letter(kind, number, version, issued, author, sender, addressee, patient, content, repliesTo,
                enclosedSummary, answered);
    }

    static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
