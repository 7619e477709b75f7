package org.musubi.portal.letters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.musubi.letters.Attachment;
import org.musubi.letters.Content;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.FormDetails;
import org.musubi.letters.LetterKind;
import org.musubi.letters.Stay;
import org.musubi.letters.exchange.LetterRequest;

/**
 * The composer's form as the browser sends it back (bound field by field): every value the author typed or the
 * prefill gave, so that a page shown again (a preview, a fault) loses nothing, and the coded items keep their codes as
 * long as their words are unchanged ({@link FormRow}). {@link #request} turns it into what the exchange sends.
 */
public class LetterForm {

    /** Blank rows offered under each list, to add an item without script. */
    static final int BLANK_ROWS = 2;

    public LetterKind kind = LetterKind.REFERRAL;
    public UUID repliesTo;
    public UUID draft;
    /** When the draft the form was opened on had been saved (its {@code updated_at}): a save since is told. */
    public java.time.Instant draftSavedAt;
    public Long addressee;
    public String department;
    public String doctor;
    public String purposeText;
    public String presentIllness;
    public String history;
    public String findings;
    public String course;
    public String remarks;
    public String insuranceMemberId;
    public LocalDate due;
    public String occupation;
    public List<FormRow> diagnoses = new ArrayList<>();
    public List<FormRow> allergies = new ArrayList<>();
    public List<FormRow> results = new ArrayList<>();
    public List<FormRow> medicines = new ArrayList<>();
    /** The record's items picked as attachments (their references). */
    public List<String> picked = new ArrayList<>();
    /** Attachments already part of the letter (uploaded, or from a draft). */
    public List<FormAttachment> attached = new ArrayList<>();
    // 服薬情報提供書・トレーシングレポート
    public LocalDate prescribed;
    public LocalDate dispensed;
    public String proposal;
    public FormDetails.Consent consent;
    // 訪問看護指示書
    public LocalDate orderFrom;
    public LocalDate orderTo;
    public String condition;
    public FormDetails.Bedridden bedridden;
    public FormDetails.Dementia dementia;
    public String instructions;
    public String emergencyContact;
    // 退院時サマリー
    public LocalDate admitted;
    public LocalDate discharged;
    public String reasonForAdmission;
    public String chiefComplaint;
    public String dischargeInstructions;
    public String dischargeDisposition;

    /** The form a request (a draft's, or the prefill's content) fills. */
    static LetterForm of(LetterRequest request, UUID draft) {
        LetterForm form = new LetterForm();
        form.kind = request.kind();
        form.repliesTo = request.repliesTo();
        form.draft = draft;
        form.addressee = request.addresseeFacilityId() > 0 ? request.addresseeFacilityId() : null;
        form.department = request.department();
        form.doctor = request.doctor();
        form.insuranceMemberId = request.insuranceMemberId();
        form.due = request.due();
        form.content(request.content());
        return form;
    }

    private void content(Content c) {
        purposeText = c.purpose();
        presentIllness = c.presentIllness();
        history = c.history();
        findings = c.findings();
        course = c.course();
        remarks = c.remarks();
        c.diagnoses().forEach(d -> diagnoses.add(FormRow.of(d)));
        c.allergies().forEach(a -> allergies.add(FormRow.of(a)));
        c.results().forEach(r -> results.add(FormRow.of(r)));
        c.medicines().forEach(m -> medicines.add(FormRow.of(m)));
        c.attachments().forEach(a -> attached.add(FormAttachment.of(a)));
        occupation = c.details().occupation();
        if (c.details().pharmacy() != null) {
            FormDetails.Pharmacy p = c.details().pharmacy();
            prescribed = p.prescribed();
            dispensed = p.dispensed();
            proposal = p.proposal();
            consent = p.consent();
        }
        if (c.details().nursing() != null) {
            FormDetails.Nursing n = c.details().nursing();
            orderFrom = n.from();
            orderTo = n.to();
            condition = n.condition();
            bedridden = n.bedridden();
            dementia = n.dementia();
            instructions = n.instructions();
            emergencyContact = n.emergencyContact();
        }
        if (c.stay() != null) {
            Stay s = c.stay();
            admitted = s.admitted();
            discharged = s.discharged();
            reasonForAdmission = s.reasonForAdmission();
            chiefComplaint = s.chiefComplaint();
            dischargeInstructions = s.dischargeInstructions();
            dischargeDisposition = s.dischargeDisposition();
            if (diagnoses.isEmpty()) {
                s.dischargeDiagnoses().forEach(d -> diagnoses.add(FormRow.of(d)));
            }
            if (medicines.isEmpty()) {
                s.dischargeMedicines().forEach(m -> medicines.add(FormRow.of(m)));
            }
        }
    }

    /** The rows shown: those written, then {@link #BLANK_ROWS} blank ones to add to. */
    static List<FormRow> withBlanks(List<FormRow> rows) {
        List<FormRow> shown = new ArrayList<>(rows.stream().filter(r -> !r.blank()).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            shown.add(new FormRow());
        }
        return shown;
    }

    /** The record's items attached before (kept or not), for the composer not to offer them again. */
    Set<String> attachedReferences() {
        Set<String> references = new LinkedHashSet<>();
        attached.stream().filter(a -> a != null && a.stored() && a.key != null).forEach(a -> references.add(a.key));
        return references;
    }

    /** The attachments attached before and kept. */
    List<FormAttachment> kept() {
        return attached.stream().filter(a -> a != null && !a.remove).toList();
    }

    /**
     * What the exchange is asked to send, with these attachments; a form the letter's own rules refuse (a nursing
     * order's period, a stay without its dates) adds its fault to {@code faults} and gives {@code null}.
     */
    LetterRequest request(List<Attachment> attachments, List<String> faults) {
        try {
            Content content = new Content(text(purposeText), written(diagnoses).map(FormRow::diagnosis).toList(),
                    text(presentIllness), text(history), List.of(), written(allergies).map(FormRow::allergy).toList(),
                    text(findings), written(results).filter(r -> r.include).map(FormRow::result).toList(), text(course),
                    written(medicines).map(FormRow::medicine).toList(), text(remarks), stay(), attachments, details());
            return new LetterRequest(kind, addressee == null ? 0 : addressee, text(department), text(doctor), content,
                    text(insuranceMemberId), repliesTo, due);
        } catch (IllegalArgumentException invalid) {
            faults.add(fault());
            return null;
        }
    }

    private String fault() {
        return switch (kind) {
            case HOME_NURSING_ORDER -> "letters.compose.fault.orderPeriod";
            case DISCHARGE_SUMMARY -> "letters.compose.fault.stay";
            default -> "letters.compose.fault.rows";
        };
    }

    private FormDetails details() {
        FormDetails.Pharmacy pharmacy = kind == LetterKind.MEDICATION_INFORMATION || kind == LetterKind.TRACING_REPORT
                ? new FormDetails.Pharmacy(prescribed, dispensed, text(proposal), consent) : null;
        FormDetails.Nursing nursing = kind == LetterKind.HOME_NURSING_ORDER
                ? new FormDetails.Nursing(orderFrom, orderTo, text(condition), bedridden, dementia, text(instructions),
                text(emergencyContact)) : null;
        return new FormDetails(text(occupation), pharmacy, nursing);
    }

    private Stay stay() {
        if (kind != LetterKind.DISCHARGE_SUMMARY) {
            return null;
        }
        List<Diagnosis> discharge = written(diagnoses).map(FormRow::diagnosis).toList();
        return new Stay(admitted, discharged, text(reasonForAdmission), text(chiefComplaint), List.of(), discharge,
                written(medicines).map(FormRow::medicine).toList(), text(dischargeInstructions),
                text(dischargeDisposition));
    }

    private static Stream<FormRow> written(List<FormRow> rows) {
        return rows.stream().filter(r -> r != null && !r.blank());
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the form shows a pharmacy report's particulars (for the template). */
    public boolean pharmacyReport() {
        return kind == LetterKind.MEDICATION_INFORMATION || kind == LetterKind.TRACING_REPORT;
    }

    public boolean nursingOrder() {
        return kind == LetterKind.HOME_NURSING_ORDER;
    }

    public boolean dischargeSummary() {
        return kind == LetterKind.DISCHARGE_SUMMARY;
    }

    /** Whether the kind has the national form, which needs the insurance member id. */
    public boolean national() {
        return kind.national();
    }
}
