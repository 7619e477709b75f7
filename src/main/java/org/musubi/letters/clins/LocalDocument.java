package org.musubi.letters.clins;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Identifier;
import org.musubi.letters.Content;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;

/**
 * A letter with no national form (返書, 服薬情報提供書, トレーシングレポート, 訪問看護指示書, a free-form document): a
 * document Bundle ({@code JP_Bundle|1}) whose Composition (R4; JP Core has no Composition profile) is typed with
 * Musubi's local code ({@link LetterKind#LOCAL_SYSTEM} {@code |} {@link LetterKind#localCode()}), its resources JP
 * Core's. Its sections reuse JP-CLINS's section codes where the meaning is the same (紹介目的 for the request or the
 * reply's subject, 傷病名・主訴, 現病歴, 既往歴, アレルギー, 身体所見, 検査結果, 臨床経過, 投薬指示, 添付情報, 備考). A reply
 * names the letter it answers in {@code relatesTo} ({@code appends}, the target's document identifier).
 */
final class LocalDocument {

    private LocalDocument() {
    }

    static Bundle of(Letter letter) {
        LetterKind kind = letter.kind();
        DocumentFrame f = new DocumentFrame(letter, false, ClinsDocuments.BUNDLE_LOCAL, null);
        Composition c = f.composition;
        f.type(LetterKind.LOCAL_SYSTEM, kind.localCode(), kind.japanese());
        c.setTitle(kind.japanese());
        if (letter.repliesTo() != null) {
            c.addRelatesTo().setCode(Composition.DocumentRelationshipType.APPENDS).setTarget(new Identifier()
                    .setSystem(org.musubi.record.fhir.FhirSystems.RESOURCE_INSTANCE).setValue(letter.repliesTo()));
        }
        Content content = letter.content();
        c.addSection(DocumentFrame.section("920", "紹介元情報", List.of(letter.sender().name() + " "
                + letter.author().name()), List.of(f.senderUrl, f.authorUrl)));
        List<String> to = new ArrayList<>(List.of(f.addresseeUrl));
        if (f.addresseeDoctorUrl != null) {
            to.add(f.addresseeDoctorUrl);
        }
        c.addSection(DocumentFrame.section("910", "紹介先情報", List.of(ReferralDocument.addressee(letter)), to));
        optional(c, "950", kind == LetterKind.REPLY ? "ご紹介の件" : "目的・依頼事項", DocumentFrame.lines(content.purpose()), List.of());
        List<String> diagnosisLines = new ArrayList<>();
        List<String> diagnoses = f.conditions(content.diagnoses(), "diagnosis", true, diagnosisLines);
        optional(c, "340", "傷病名・主訴", diagnosisLines, diagnoses);
        optional(c, "360", "現病歴", DocumentFrame.lines(content.presentIllness()), List.of());
        List<String> historyLines = new ArrayList<>(DocumentFrame.lines(content.history()));
        optional(c, "370", "既往歴", historyLines, f.conditions(content.pastDiagnoses(), "history", true, historyLines));
        List<String> allergyLines = new ArrayList<>();
        List<String> allergies = ReferralDocument.allergies(f, content.allergies(), allergyLines);
        optional(c, "510", "アレルギー・不耐性反応", allergyLines, allergies);
        optional(c, "610", "身体所見", DocumentFrame.lines(content.findings()), List.of());
        optional(c, "620", "検査結果", content.results().stream().map(ReferralDocument::result).toList(), List.of());
        optional(c, "330", "臨床経過", DocumentFrame.lines(content.course()), List.of());
        optional(c, "430", "投薬指示", content.medicines().stream().map(ReferralDocument::medicine).toList(), List.of());
        List<String> attached = ReferralDocument.attachments(f, content.attachments());
        optional(c, "210", "添付情報", content.attachments().stream().map(org.musubi.letters.Attachment::title).toList(),
                attached);
        optional(c, "220", "備考・連絡情報", DocumentFrame.lines(content.remarks()), List.of());
        return f.bundle;
    }

    private static void optional(Composition c, String code, String title, List<String> lines, List<String> entries) {
        if (!lines.isEmpty() || !entries.isEmpty()) {
            c.addSection(DocumentFrame.section(code, title, lines, entries));
        }
    }
}
