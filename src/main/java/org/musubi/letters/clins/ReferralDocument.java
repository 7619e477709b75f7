package org.musubi.letters.clins;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.musubi.letters.Allergy;
import org.musubi.letters.Attachment;
import org.musubi.letters.Content;
import org.musubi.letters.Letter;
import org.musubi.letters.Medicine;
import org.musubi.letters.Result;
import org.musubi.record.fhir.Loinc;

/**
 * A 診療情報提供書 as a JP-CLINS eReferral document: sections 920 紹介元情報 and 910 紹介先情報, then 300 構造情報 with
 * 950 紹介目的, 340 傷病名・主訴, 360 現病歴 (always), 370 既往歴, 510 アレルギー・不耐性反応, 610 身体所見, 620 検査結果,
 * 330 臨床経過, 430 投薬指示 (when written), then 210 添付情報 (attachments and an enclosed discharge summary) and 220
 * 備考・連絡情報. Diagnoses with a MEDIS code and coded allergies are entries; medicines, results, findings and the
 * course are the sections' text (docs/letters.md says why).
 */
final class ReferralDocument {

    private ReferralDocument() {
    }

    static Bundle of(Letter letter) {
        if (letter.addressee().facility().institutionCode() == null) {
            throw new IllegalArgumentException("JP-CLINS eReferral needs the addressee's 10-digit institution code");
        }
        DocumentFrame f = new DocumentFrame(letter, true, ClinsDocuments.BUNDLE_REFERRAL,
                ClinsDocuments.COMPOSITION_REFERRAL);
        Composition c = f.composition;
        f.type(ClinsDocuments.DOC_TYPE, Loinc.REFERRAL_LETTER, "診療情報提供書");
        c.addCategory(new CodeableConcept(new Coding(ClinsDocuments.DOC_SUBTYPE, "OUTPATIENT", "外来文書")));
        c.setTitle("診療情報提供書");
        c.addEvent().addCode(new CodeableConcept().setText("診療情報提供書発行")).getPeriod()
                .setStartElement(ClinsParts.dateTime(letter.issued()));
        Content content = letter.content();
        List<String> from = new ArrayList<>(List.of(f.senderUrl, f.authorUrl));
        c.addSection(DocumentFrame.section("920", "紹介元情報", List.of(letter.sender().name() + " "
                + letter.author().name()), from));
        List<String> to = new ArrayList<>(List.of(f.addresseeUrl));
        if (f.addresseeDoctorUrl != null) {
            to.add(f.addresseeDoctorUrl);
        }
        c.addSection(DocumentFrame.section("910", "紹介先情報", List.of(addressee(letter)), to));
        Composition.SectionComponent structured = DocumentFrame.section("300", "構造情報", List.of(), List.of());
        structured.setText(null);
        structured.addSection(DocumentFrame.section("950", "紹介目的", DocumentFrame.lines(content.purpose()), List.of()));
        List<String> diagnosisLines = new ArrayList<>();
        List<String> diagnoses = f.conditions(content.diagnoses(), "diagnosis", true, diagnosisLines);
        structured.addSection(DocumentFrame.section("340", "傷病名・主訴", diagnosisLines, diagnoses));
        structured.addSection(DocumentFrame.section("360", "現病歴", DocumentFrame.lines(content.presentIllness()), List.of()));
        List<String> historyLines = new ArrayList<>(DocumentFrame.lines(content.history()));
        List<String> past = f.conditions(content.pastDiagnoses(), "history", true, historyLines);
        optional(structured, "370", "既往歴", historyLines, past);
        List<String> allergyLines = new ArrayList<>();
        List<String> allergies = allergies(f, content.allergies(), allergyLines);
        optional(structured, "510", "アレルギー・不耐性反応", allergyLines, allergies);
        optional(structured, "610", "身体所見", DocumentFrame.lines(content.findings()), List.of());
        optional(structured, "620", "検査結果", content.results().stream().map(ReferralDocument::result).toList(), List.of());
        optional(structured, "330", "臨床経過", DocumentFrame.lines(content.course()), List.of());
        optional(structured, "430", "投薬指示", content.medicines().stream().map(ReferralDocument::medicine).toList(),
                List.of());
        c.addSection(structured);
        List<String> attached = attachments(f, content.attachments());
        List<String> attachedLines = new ArrayList<>(content.attachments().stream().map(Attachment::title).toList());
        if (letter.enclosedSummary() != null) {
            Bundle summary = DischargeSummaryDocument.of(letter.enclosedSummary());
            String url = f.parts.url("enclosed-discharge-summary");
            f.add(summary, url);
            attached.add(url);
            attachedLines.add("退院時サマリー（" + ClinsDocuments.documentId(letter.enclosedSummary()) + "）");
        }
        if (!attached.isEmpty()) {
            c.addSection(DocumentFrame.section("210", "添付情報", attachedLines, attached));
        }
        if (!DocumentFrame.lines(content.remarks()).isEmpty()) {
            c.addSection(DocumentFrame.section("220", "備考・連絡情報", DocumentFrame.lines(content.remarks()), List.of()));
        }
        return f.bundle;
    }

    static void optional(Composition.SectionComponent parent, String code, String title, List<String> lines,
                         List<String> entries) {
        if (!lines.isEmpty() || !entries.isEmpty()) {
            parent.addSection(DocumentFrame.section(code, title, lines, entries));
        }
    }

    static String addressee(Letter letter) {
        StringBuilder s = new StringBuilder(letter.addressee().facility().name());
        if (letter.addressee().department() != null && !letter.addressee().department().isBlank()) {
            s.append(' ').append(letter.addressee().department());
        }
        s.append(' ').append(letter.addressee().doctor() == null || letter.addressee().doctor().isBlank() ? "担当医"
                : letter.addressee().doctor()).append(" 先生");
        return s.toString();
    }

    static List<String> allergies(DocumentFrame f, List<Allergy> allergies, List<String> lines) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        for (Allergy a : allergies) {
            i++;
            lines.add(a.substance().text() + (a.reaction() == null ? "" : "：" + a.reaction()) + (a.severe() ? "（重篤）" : ""));
            if (ClinsParts.coded(a)) {
                String url = f.parts.url("allergy-" + i);
                f.add(f.parts.allergy(a, "allergy-" + i, f.patientUrl, f.letter.issued()), url);
                urls.add(url);
            }
        }
        return urls;
    }

    static List<String> attachments(DocumentFrame f, List<Attachment> attachments) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        for (Attachment a : attachments) {
            String url = f.parts.url("attachment-" + ++i);
            f.add(f.parts.attachment(a, f.patientUrl, f.letter.issued()), url);
            urls.add(url);
        }
        return urls;
    }

    static String result(Result r) {
        return r.item().text() + (r.value() == null ? "" : " " + r.value()) + (r.unit() == null ? "" : " " + r.unit())
                + (r.at() == null ? "" : "（" + DocumentFrame.date(java.time.LocalDate.ofInstant(r.at(), ClinsParts.JAPAN)) + "）");
    }

    static String medicine(Medicine m) {
        return m.drug().text() + (m.dosage() == null ? "" : " " + m.dosage());
    }
}
