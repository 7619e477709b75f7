package org.musubi.medication.notebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Quantity;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.medication.MedicationConcept;
import org.musubi.record.fhir.medication.MedicationCourse;

/**
 * One RP: each drug (201) with its notes (281/291), then the usage (301) of the RP's first dispense
 * and the RP's notes (311/391). The dose is read back as the mapping wrote it (a rate per day, one
 * dose, or the quantity handed over); the 301 quantity is the days supply (日分), the number of doses
 * of an as-needed drug (回分), or 1 調剤 for the other forms.
 */
final class RpLines {

    private RpLines() {
    }

    static List<String> of(int rp, List<MedicationDispense> dispenses) {
        List<String> lines = new ArrayList<>();
        Set<String> rpNotes = new LinkedHashSet<>();
        for (MedicationDispense dispense : dispenses) {
            lines.add(drug(rp, dispense));
            for (Annotation note : dispense.getNote()) {
                int number = NoteRecords.of(note);
                if (number == 311 || number == 391) {
                    rpNotes.add(RecordLine.of(number).text(String.valueOf(rp)).text(note.getText()).text(Creators.of(note, "1"))
                            .toString());
                } else if (number < 400) {
                    lines.add(RecordLine.of(number == 291 ? 291 : 281).text(String.valueOf(rp)).text(note.getText())
                            .text(Creators.of(note, "1")).toString());
                }
            }
        }
        usage(rp, dispenses.getFirst()).ifPresent(lines::add);
        lines.addAll(rpNotes);
        return lines;
    }

    private static String drug(int rp, MedicationDispense dispense) {
        CodeableConcept medication = MedicationConcept.stated(dispense);
        Quantity dose = dose(dispense);
        var code = medication == null ? Optional.<DrugCodes.TypedCode>empty() : DrugCodes.drugCode(medication);
        var generic = medication == null ? Optional.<Coding>empty() : DrugCodes.generic(medication);
        RecordLine line = RecordLine.of(201).text(String.valueOf(rp)).text(FhirValues.text(medication))
                .number(dose == null ? null : dose.getValue()).text(dose == null ? "" : dose.getUnit())
                .text(code.map(DrugCodes.TypedCode::type).orElse("1")).text(code.map(DrugCodes.TypedCode::code).orElse(""))
                .text(Creators.of(dispense, "1"));
        generic.ifPresent(g -> line.text(g.getDisplay()).text(g.hasCode() ? "2" : "1").text(g.getCode()));
        return line.toString();
    }

    private static Quantity dose(MedicationDispense dispense) {
        for (Dosage.DosageDoseAndRateComponent doseAndRate : dispense.getDosageInstructionFirstRep().getDoseAndRate()) {
            if (doseAndRate.hasRateRatio() && doseAndRate.getRateRatio().hasNumerator()) {
                return doseAndRate.getRateRatio().getNumerator();
            }
            if (doseAndRate.hasDoseQuantity()) {
                return doseAndRate.getDoseQuantity();
            }
        }
        return dispense.hasQuantity() ? dispense.getQuantity() : null;
    }

    private static Optional<String> usage(int rp, MedicationDispense dispense) {
        String form = FhirValues.coding(dispense.getCategory(), FhirSystems.JAHIS_DOSAGE_FORM).map(c -> c.getCode()).orElse("");
        Optional<BigDecimal> days = MedicationCourse.daysSupply(dispense);
        if (!dispense.hasDosageInstruction() && form.isEmpty() && days.isEmpty()) {
            return Optional.empty();
        }
        Dosage dosage = dispense.getDosageInstructionFirstRep();
        BigDecimal quantity = null;
        String unit = "";
        if (days.isPresent()) {
            quantity = days.get();
            unit = JahisCodes.DAYS_UNIT;
        } else if (dosage.getTiming().getRepeat().hasCount()) {
            quantity = BigDecimal.valueOf(dosage.getTiming().getRepeat().getCount());
            unit = "回分";
        } else if (!form.isEmpty() && !JahisCodes.DAILY_DOSE_FORMS.contains(form)) {
            quantity = BigDecimal.ONE;
            unit = "調剤";
        }
        var usageCode = FhirValues.coding(dosage.getTiming().getCode(), FhirSystems.JAMI_USAGE);
        return Optional.of(RecordLine.of(301).text(String.valueOf(rp)).text(dosage.getText()).integer(quantity).text(unit)
                .text(form).text(usageCode.isPresent() ? "2" : "1").text(usageCode.map(c -> c.getCode()).orElse(""))
                .text(Creators.of(dispense, "1")).toString());
    }
}
