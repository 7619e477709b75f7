package org.musubi.letters;

import java.util.List;

/**
 * What a letter says, section by section, in the order of the paper 診療情報提供書 (様式11). Every text may be
 * {@code null} (not written); lists are never {@code null}.
 *
 * @param purpose        紹介目的 / the request (required for a referral)
 * @param diagnoses      傷病名・主訴
 * @param presentIllness 現病歴
 * @param history        既往歴 (as written; past diagnoses may also be coded in {@code pastDiagnoses})
 * @param pastDiagnoses  既往歴 as coded Conditions
 * @param allergies      アレルギー・不耐性反応
 * @param findings       身体所見 / 検査所見, as written
 * @param results        the results quoted (検査結果)
 * @param course         臨床経過 (治療経過)
 * @param medicines      現在の処方 (投薬指示)
 * @param remarks        備考・連絡事項
 * @param stay           the hospital stay (discharge summaries only; {@code null} otherwise)
 * @param attachments    files that go with it (添付資料)
 * @param details        what a form asks beyond these sections ({@link FormDetails#NONE} when not given)
 */
public record Content(String purpose, List<Diagnosis> diagnoses, String presentIllness, String history,
                      List<Diagnosis> pastDiagnoses, List<Allergy> allergies, String findings, List<Result> results,
                      String course, List<Medicine> medicines, String remarks, Stay stay,
                      List<Attachment> attachments, FormDetails details) {

    public Content {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        pastDiagnoses = pastDiagnoses == null ? List.of() : List.copyOf(pastDiagnoses);
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
        results = results == null ? List.of() : List.copyOf(results);
        medicines = medicines == null ? List.of() : List.copyOf(medicines);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        details = details == null ? FormDetails.NONE : details;
    }

    /** The sections only, no form details. */
    public Content(String purpose, List<Diagnosis> diagnoses, String presentIllness, String history,
                   List<Diagnosis> pastDiagnoses, List<Allergy> allergies, String findings, List<Result> results,
                   String course, List<Medicine> medicines, String remarks, Stay stay, List<Attachment> attachments) {
        this(purpose, diagnoses, presentIllness, history, pastDiagnoses, allergies, findings, results, course, medicines,
                remarks, stay, attachments, FormDetails.NONE);
    }
}
