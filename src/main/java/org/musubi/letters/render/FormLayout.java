package org.musubi.letters.render;

import java.util.ArrayList;
import java.util.List;
import org.musubi.letters.Content;
import org.musubi.letters.FormDetails;
import org.musubi.letters.Letter;
import org.musubi.letters.Stay;

/**
 * The boxes of each form, in the order of the paper form (docs/letters.md): which part of the letter goes
 * into which box. The header (addressee, date, sender, patient) and the attachments are the same for every form and
 * are laid out by the template.
 */
final class FormLayout {

    private FormLayout() {
    }

    static List<Section> sections(Letter letter, Rows rows) {
        Content c = letter.content();
        FormDetails d = c.details();
        return switch (letter.kind()) {
            // 診療情報提供書 (様式11)
            case REFERRAL -> List.of(
                    box("diagnoses", rows.diagnoses(c.diagnoses())),
                    box("purpose", Rows.text(c.purpose())),
                    box("historyAndFamily", Rows.concat(Rows.text(c.history()), rows.diagnoses(c.pastDiagnoses()))),
                    optional("allergies", Rows.allergies(c.allergies())),
                    box("symptomsAndResults", Rows.concat(Rows.text(c.presentIllness(), c.findings()),
                            rows.results(c.results()))),
                    box("treatment", Rows.text(c.course())),
                    box("currentMedicines", Rows.medicines(c.medicines())),
                    box("remarks", Rows.text(c.remarks())));
            case DISCHARGE_SUMMARY -> discharge(c, rows);
            case REPLY -> List.of(
                    box("replySubject", Rows.text(c.purpose())),
                    box("diagnoses", rows.diagnoses(c.diagnoses())),
                    optional("allergies", Rows.allergies(c.allergies())),
                    box("findingsAndResults", Rows.concat(Rows.text(c.presentIllness(), c.findings()),
                            rows.results(c.results()))),
                    box("treatment", Rows.text(c.course())),
                    optional("medicines", Rows.medicines(c.medicines())),
                    box("planAndRemarks", Rows.text(c.remarks())));
            // 服薬情報提供書, トレーシングレポート
            case MEDICATION_INFORMATION, TRACING_REPORT -> List.of(
                    box("prescribedMedicines", Rows.medicines(c.medicines())),
                    box("information", Rows.concat(Rows.text(c.purpose(), c.presentIllness(), c.findings(), c.course()),
                            rows.results(c.results()))),
                    box("pharmacistProposal", Rows.text(d.pharmacy() == null ? null : d.pharmacy().proposal())),
                    box("consent", d.pharmacy() == null || d.pharmacy().consent() == null ? List.of()
                            : List.of(Row.label("letter.consent." + d.pharmacy().consent()))),
                    box("remarks", Rows.text(c.remarks())));
            case HOME_NURSING_ORDER -> nursing(c, d.nursing(), rows);
            // 診療情報文書 (free form): only what was written
            case INFORMATION -> List.of(
                    optional("purpose", Rows.text(c.purpose())),
                    optional("diagnoses", rows.diagnoses(c.diagnoses())),
                    optional("presentIllness", Rows.text(c.presentIllness())),
                    optional("history", Rows.concat(Rows.text(c.history()), rows.diagnoses(c.pastDiagnoses()))),
                    optional("allergies", Rows.allergies(c.allergies())),
                    optional("findingsAndResults", Rows.concat(Rows.text(c.findings()), rows.results(c.results()))),
                    optional("treatment", Rows.text(c.course())),
                    optional("medicines", Rows.medicines(c.medicines())),
                    optional("remarks", Rows.text(c.remarks())));
        };
    }

    private static List<Section> discharge(Content c, Rows rows) {
        Stay s = c.stay();
        List<Row> period = new ArrayList<>();
        if (s != null) {
            period.add(rows.period(s.admitted(), s.discharged(), s.dischargeDisposition()));
        }
        return List.of(
                box("stay", period),
                box("reasonForAdmission", s == null ? List.of() : Rows.text(s.reasonForAdmission(), s.chiefComplaint())),
                box("admissionDiagnoses", s == null ? List.of() : rows.diagnoses(s.admissionDiagnoses())),
                box("dischargeDiagnoses", s == null ? List.of() : rows.diagnoses(s.dischargeDiagnoses())),
                optional("historyAndFamily", Rows.concat(Rows.text(c.history()), rows.diagnoses(c.pastDiagnoses()))),
                optional("allergies", Rows.allergies(c.allergies())),
                box("hospitalCourse", Rows.concat(Rows.text(c.presentIllness(), c.findings(), c.course()),
                        rows.results(c.results()))),
                box("dischargeMedicines", s == null ? List.of() : Rows.medicines(s.dischargeMedicines())),
                box("afterDischarge", s == null ? List.of() : Rows.text(s.dischargeInstructions())),
                optional("remarks", Rows.text(c.remarks())));
    }

    private static List<Section> nursing(Content c, FormDetails.Nursing n, Rows rows) {
        List<Row> independence = new ArrayList<>();
        if (n != null && n.bedridden() != null) {
            independence.add(new Row(null, null, null, null, List.of("letter.independence.bedridden",
                    "letter.bedridden." + n.bedridden())));
        }
        if (n != null && n.dementia() != null) {
            independence.add(new Row(null, null, null, null, List.of("letter.independence.dementia",
                    "letter.dementia." + n.dementia())));
        }
        return List.of(
                box("orderPeriod", n == null ? List.of() : List.of(rows.period(n.from(), n.to(), null))),
                box("mainDiagnoses", rows.diagnoses(c.diagnoses())),
                box("condition", Rows.text(n == null ? null : n.condition(), c.course())),
                box("medicinesInUse", Rows.medicines(c.medicines())),
                box("independence", independence),
                box("instructions", Rows.text(n == null ? null : n.instructions(), c.purpose())),
                box("emergencyContact", Rows.text(n == null ? null : n.emergencyContact())),
                optional("remarks", Rows.text(c.remarks())));
    }

    private static Section box(String name, List<Row> rows) {
        return new Section("letter.section." + name, rows, true);
    }

    private static Section optional(String name, List<Row> rows) {
        return new Section("letter.section." + name, rows, false);
    }
}
