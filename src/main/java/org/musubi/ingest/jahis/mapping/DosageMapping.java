package org.musubi.ingest.jahis.mapping;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Timing;
import org.musubi.medication.notebook.JahisCodes;
import org.musubi.ingest.jahis.records.JahisRecord.Drug;
import org.musubi.ingest.jahis.records.JahisRecord.Usage;
import org.musubi.record.fhir.FhirSystems;

/**
 * How much and how: the 201 dose means a daily amount for 内服, 浸煎 and 湯 (JP Core: a rate per
 * 1 d), one dose for 屯服 (as needed; 301 調剤数量 is then the number of doses, {@code timing.repeat.count}),
 * and the whole amount for every other form. MedicationDispense.quantity is what was handed over:
 * daily dose × days, dose × doses, or the whole amount; daysSupply the 301 quantity when its unit is 日分.
 * A file of 出力区分 2 (the patient's own record, sent to an institution) says what the patient takes, not what was
 * handed over: its dose stays a dose (a rate per day, one dose, or for any other or no form the amount as written
 * as {@code doseQuantity}), and there is no quantity, so the same drug reads the same in files of both directions.
 */
final class DosageMapping {

    private DosageMapping() {
    }

    static Dosage dosage(Drug drug, Usage usage, boolean fromPatient) {
        if (usage == null) {
            return fromPatient && drug.dose() != null
                    ? new Dosage().addDoseAndRate(new Dosage.DosageDoseAndRateComponent().setDose(amount(drug.dose(), drug.unit())))
                    : null;
        }
        Dosage dosage = new Dosage();
        if (!usage.usage().isEmpty()) {
            dosage.setText(usage.usage());
        }
        if ("2".equals(usage.usageCodeType()) && !usage.usageCode().isEmpty()) {
            dosage.getTiming().setCode(new CodeableConcept(
                    new Coding(FhirSystems.JAMI_USAGE, usage.usageCode(), null)));
        }
        if (JahisCodes.AS_NEEDED_FORM.equals(usage.dosageForm())) {
            dosage.setAsNeeded(new BooleanType(true));
            if (usage.quantity() != null) {
                dosage.getTiming().setRepeat(new Timing.TimingRepeatComponent().setCount(usage.quantity()));
            }
            if (drug.dose() != null) {
                dosage.addDoseAndRate().setDose(amount(drug.dose(), drug.unit()));
            }
        } else if (JahisCodes.DAILY_DOSE_FORMS.contains(usage.dosageForm()) && drug.dose() != null) {
            dosage.addDoseAndRate().setRate(new Ratio().setNumerator(amount(drug.dose(), drug.unit())).setDenominator(day()));
        } else if (fromPatient && drug.dose() != null) {
            dosage.addDoseAndRate().setDose(amount(drug.dose(), drug.unit()));
        }
        return dosage.isEmpty() ? null : dosage;
    }

    /** The amount handed over, or null when the records do not say (never in a file of 出力区分 2). */
    static Quantity handedOver(Drug drug, Usage usage, boolean fromPatient) {
        if (drug.dose() == null || fromPatient) {
            return null;
        }
        String form = usage == null ? "" : usage.dosageForm();
        Integer count = usage == null ? null : usage.quantity();
        if (JahisCodes.DAILY_DOSE_FORMS.contains(form)) {
            return count != null && JahisCodes.DAYS_UNIT.equals(usage.unit())
                    ? amount(drug.dose().multiply(BigDecimal.valueOf(count)), drug.unit()) : null;
        }
        if (JahisCodes.AS_NEEDED_FORM.equals(form)) {
            return count != null ? amount(drug.dose().multiply(BigDecimal.valueOf(count)), drug.unit()) : null;
        }
        return amount(drug.dose(), drug.unit());
    }

    static Quantity daysSupply(Usage usage) {
        if (usage == null || usage.quantity() == null || !JahisCodes.DAYS_UNIT.equals(usage.unit())) {
            return null;
        }
        return (Quantity) new Quantity(usage.quantity()).setUnit("日").setSystem(FhirSystems.UCUM).setCode("d");
    }

    static Quantity amount(BigDecimal value, String unit) {
        Quantity quantity = new Quantity().setValue(value);
        return unit.isEmpty() ? quantity : quantity.setUnit(unit);
    }

    private static Quantity day() {
        return new Quantity(1).setUnit("日").setSystem(FhirSystems.UCUM).setCode("d");
    }
}
