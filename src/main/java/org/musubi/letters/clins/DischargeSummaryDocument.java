package org.musubi.letters.clins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.letters.Content;
import org.musubi.letters.Letter;
import org.musubi.letters.Stay;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * A 退院時サマリー as a JP-CLINS eDischargeSummary document: the stay as an inpatient Encounter (referenced from 322
 * 入院時詳細, 312 入院理由 and 324 退院時詳細), 342 入院時診断, 352 主訴, 362 現病歴, 333 入院中経過 (the course as a text
 * DocumentReference, which the profile requires), 344 退院時診断 (at least one diagnosis with a MEDIS code: the profile
 * requires a Condition), 444 退院時投薬指示, 424 退院時方針指示, and when written 372 既往歴, 510 アレルギー,
 * 612 入院時身体所見, 623 入院中検査結果; then 210 添付情報.
 */
final class DischargeSummaryDocument {

    private DischargeSummaryDocument() {
    }

    static Bundle of(Letter letter) {
        Stay stay = letter.content().stay();
        if (stay.dischargeDiagnoses().stream().noneMatch(ClinsParts::coded)) {
            throw new IllegalArgumentException("JP-CLINS eDischargeSummary needs a discharge diagnosis coded with a "
                    + "MEDIS 病名管理番号 (" + FhirSystems.DISEASE_KEY + ")");
        }
        DocumentFrame f = new DocumentFrame(letter, true, false, ClinsDocuments.BUNDLE_DISCHARGE,
                ClinsDocuments.COMPOSITION_DISCHARGE);
        Composition c = f.composition;
        f.type(ClinsDocuments.DOC_TYPE, Loinc.DISCHARGE_SUMMARY, "退院時サマリー");
        c.addCategory(new CodeableConcept(new Coding(ClinsDocuments.DOC_SUBTYPE, "DISCHARGE", "退院時文書")));
        c.setTitle("退院時サマリー");
        c.addEvent().getPeriod().setStartElement(ClinsParts.day(stay.admitted())).setEndElement(ClinsParts.day(stay.discharged()));
        String encounterUrl = f.parts.url("stay");
        f.add(encounter(f, stay), encounterUrl);
        c.setEncounter(new Reference(encounterUrl).setType("Encounter"));
        Content content = letter.content();
        Composition.SectionComponent structured = DocumentFrame.section("300", "構造情報", List.of(), List.of());
        structured.setText(null);
        structured.addSection(DocumentFrame.section("322", "入院時詳細", List.of("入院日 " + DocumentFrame.date(stay.admitted())),
                List.of(encounterUrl)));
        List<String> admissionLines = new ArrayList<>();
        List<String> admission = f.conditions(stay.admissionDiagnoses(), "admission", false, admissionLines);
        structured.addSection(DocumentFrame.section("342", "入院時診断", admissionLines, admission));
        List<String> allergyLines = new ArrayList<>();
        List<String> allergies = ReferralDocument.allergies(f, content.allergies(), allergyLines);
        ReferralDocument.optional(structured, "510", "アレルギー・不耐性反応", allergyLines, allergies);
        structured.addSection(DocumentFrame.section("352", "主訴", DocumentFrame.lines(stay.chiefComplaint()), List.of()));
        structured.addSection(DocumentFrame.section("312", "入院理由", DocumentFrame.lines(stay.reasonForAdmission()),
                List.of(encounterUrl)));
        structured.addSection(DocumentFrame.section("362", "現病歴", DocumentFrame.lines(content.presentIllness()), List.of()));
        List<String> historyLines = new ArrayList<>(DocumentFrame.lines(content.history()));
        List<String> past = f.conditions(content.pastDiagnoses(), "history", true, historyLines);
        ReferralDocument.optional(structured, "372", "既往歴", historyLines, past);
        ReferralDocument.optional(structured, "612", "入院時身体所見", DocumentFrame.lines(content.findings()), List.of());
        String courseUrl = f.parts.url("course");
        f.add(course(f, content.course()), courseUrl);
        structured.addSection(DocumentFrame.section("333", "入院中経過", DocumentFrame.lines(content.course()), List.of(courseUrl)));
        ReferralDocument.optional(structured, "623", "入院中検査結果",
                content.results().stream().map(ReferralDocument::result).toList(), List.of());
        structured.addSection(DocumentFrame.section("324", "退院時詳細", List.of("退院日 " + DocumentFrame.date(stay.discharged())
                + (stay.dischargeDisposition() == null ? "" : " 転帰 " + stay.dischargeDisposition())), List.of(encounterUrl)));
        List<String> dischargeLines = new ArrayList<>();
        List<String> discharge = f.conditions(stay.dischargeDiagnoses(), "discharge", false, dischargeLines);
        structured.addSection(DocumentFrame.section("344", "退院時診断", dischargeLines, discharge));
        structured.addSection(DocumentFrame.section("444", "退院時投薬指示",
                stay.dischargeMedicines().stream().map(ReferralDocument::medicine).toList(), List.of()));
        structured.addSection(DocumentFrame.section("424", "退院時方針指示", DocumentFrame.lines(stay.dischargeInstructions()),
                List.of()));
        c.addSection(structured);
        List<String> attached = ReferralDocument.attachments(f, content.attachments());
        if (!attached.isEmpty()) {
            c.addSection(DocumentFrame.section("210", "添付情報",
                    content.attachments().stream().map(org.musubi.letters.Attachment::title).toList(), attached));
        }
        return f.bundle;
    }

    private static Encounter encounter(DocumentFrame f, Stay stay) {
        Encounter e = f.parts.claim(new Encounter(), ClinsParts.ECS + "JP_Encounter_eCS", f.letter.issued());
        e.addIdentifier().setSystem(FhirSystems.RESOURCE_INSTANCE).setValue(f.documentId + "^stay");
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding(FhirSystems.ACT_CODE, "IMP", "入院"));
        e.setSubject(new Reference(f.patientUrl));
        e.getPeriod().setStartElement(ClinsParts.day(stay.admitted())).setEndElement(ClinsParts.day(stay.discharged()));
        e.addReasonCode(new CodeableConcept().setText(stay.reasonForAdmission()));
        return e;
    }

    /** The course (入院中経過) as a DocumentReference of its text: the profile wants the section to reference one. */
    private static DocumentReference course(DocumentFrame f, String course) {
        DocumentReference d = f.parts.claim(new DocumentReference(), ClinsParts.ECS + "JP_DocumentReference_eCS",
                f.letter.issued());
        d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.setSubject(new Reference(f.patientUrl));
        d.setDescription("入院中経過");
        String text = course == null || course.isBlank() ? "記載なし" : course;
        d.addContent().getAttachment().setContentType("text/plain; charset=utf-8").setTitle("入院中経過")
                .setData(text.getBytes(StandardCharsets.UTF_8));
        return d;
    }
}
