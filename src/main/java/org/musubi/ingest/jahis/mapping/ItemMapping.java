package org.musubi.ingest.jahis.mapping;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.ingest.jahis.records.JahisRecord.Memo;
import org.musubi.ingest.jahis.records.JahisRecord.PatientNote;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ActiveProblems;
import org.musubi.record.fhir.condition.ConditionStatus;
import org.musubi.medication.notebook.Creators;
import org.musubi.medication.notebook.JahisSystems;

/**
 * Patient notes (2) and memos (4), each its own resource:
 * <ul>
 * <li>1 アレルギー歴 / 2 副作用歴 → JP_AllergyIntolerance (type allergy / intolerance, category guessed by
 * {@link AllergyCategory}, code.text = the note, clinicalStatus active: the notebook lists what holds);</li>
 * <li>3 既往歴 → JP_Condition with verificationStatus unconfirmed and Musubi's category {@code reported-history}: a
 * history the patient or pharmacist wrote down, not a diagnosis of this facility, listed as 既往歴（申告）, never as
 * 疑い ({@code record.fhir.condition.ActiveProblems});</li>
 * <li>9 その他 and memos → DocumentReference holding the text (text/plain, UTF-8; a memo's input date as
 * the attachment's creation), typed by a Musubi code for the record. Free text is not a clinical
 * assertion (an Observation would land among the lab results), but it is kept and shown.</li>
 * </ul>
 * Each keeps its 作成者 ({@link Creators}): as the asserter of an allergy or history, the author of a document.
 */
final class ItemMapping {

    private ItemMapping() {
    }

    static Resource note(PatientNote note) {
        return switch (note.type()) {
            case "1", "2" -> allergy(note);
            case "3" -> history(note);
            default -> authored(document(JahisSystems.OTHER_NOTE, "患者特記（その他）", note.content(), null), note.creator());
        };
    }

    static DocumentReference memo(Memo memo) {
        return authored(document(JahisSystems.MEMO, "手帳メモ", memo.content(), memo.inputDate()), memo.creator());
    }

    private static DocumentReference authored(DocumentReference document, String creator) {
        Reference author = CreatorParties.party(creator);
        if (author != null) {
            document.addAuthor(author);
        }
        return Creators.mark(document, creator);
    }

    private static AllergyIntolerance allergy(PatientNote note) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.getMeta().addProfile(FhirSystems.JP_ALLERGY_INTOLERANCE);
        allergy.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_CLINICAL, "active", "Active")));
        allergy.setType("1".equals(note.type()) ? AllergyIntolerance.AllergyIntoleranceType.ALLERGY
                : AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE);
        AllergyCategory.of(note.type(), note.content()).ifPresent(allergy::addCategory);
        allergy.setCode(new CodeableConcept().setText(note.content()));
        allergy.setPatient(SourceRefs.patient());
        allergy.setAsserter(CreatorParties.party(note.creator()));
        return Creators.mark(allergy, note.creator());
    }

    private static Condition history(PatientNote note) {
        Condition condition = new Condition();
        condition.getMeta().addProfile(FhirSystems.JP_CONDITION);
        condition.setVerificationStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION,
                ConditionStatus.SUSPECTED, "Unconfirmed")));
        condition.addCategory(new CodeableConcept(new Coding(FhirSystems.MUSUBI_CONDITION_CATEGORY,
                ActiveProblems.REPORTED_HISTORY, "既往歴（申告） / Reported history")));
        condition.setCode(new CodeableConcept().setText(note.content()));
        condition.setSubject(SourceRefs.patient());
        condition.setAsserter(CreatorParties.party(note.creator()));
        return Creators.mark(condition, note.creator());
    }

    /** A DocumentReference of the JAHIS record {@code kind} holding {@code text} (text/plain, UTF-8). */
    static DocumentReference document(String kind, String title, String text, LocalDate created) {
        DocumentReference document = new DocumentReference().setStatus(DocumentReferenceStatus.CURRENT);
        document.setType(new CodeableConcept(new Coding(FhirSystems.JAHIS_RECORD, kind, title)));
        document.setSubject(SourceRefs.patient());
        Attachment attachment = new Attachment().setContentType("text/plain; charset=utf-8")
                .setData(text.getBytes(StandardCharsets.UTF_8)).setTitle(title);
        if (created != null) {
            attachment.setCreationElement(Notes.day(created));
        }
        document.addContent().setAttachment(attachment);
        return document;
    }
}
