package org.musubi.ingest.hl7.orders.medication;

import java.util.Optional;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.record.fhir.FhirSystems;

/**
 * A prescribed drug's dosage (JP_MedicationDosage): the usage of TQ1-3 (JAMI 16-digit code, its text as
 * the dosage text), route, site and method (RXR-1, RXR-2, RXR-4), the dose (RXE-3, a range up to RXE-4,
 * unit RXE-5), the daily total (RXE-19, as a per-day ratio) or for injections the rate (RXE-23/24), the
 * days (TQ1-6) and when (TQ1-7/8: JP Core's PeriodOfUse for oral drugs, timing bounds for injections, as
 * JP Core's examples do).
 */
final class Dosages {

    static final String PERIOD_OF_USE = FhirSystems.JP_CORE_EXTENSION + "JP_MedicationDosage_PeriodOfUse";
    static final String USAGE_DURATION = FhirSystems.JP_CORE_EXTENSION + "JP_MedicationDosage_UsageDuration";

    private Dosages() {
    }

    static Dosage dosage(MessageInput input, PrescribedDrug drug, boolean injection) throws MessageRejected {
        Dosage dosage = new Dosage();
        Optional<Hl7Segment> tq1 = drug.segment("TQ1");
        if (tq1.isPresent()) {
            timing(input, tq1.get(), dosage, injection);
        }
        drug.segment("RXR").ifPresent(rxr -> {
            Hl7Values.concept(rxr.field(1)).ifPresent(dosage::setRoute);
            Hl7Values.concept(rxr.field(2)).ifPresent(dosage::setSite);
            Hl7Values.concept(rxr.field(4)).ifPresent(dosage::setMethod);
        });
        Hl7Values.concept(drug.rxe().field(7)).filter(c -> injection).ifPresent(dosage::addAdditionalInstruction);
        doseAndRate(input, drug.rxe(), dosage, injection);
        return dosage;
    }

    private static void timing(MessageInput input, Hl7Segment tq1, Dosage dosage, boolean injection) throws MessageRejected {
        Hl7Values.concept(tq1.field(3).componentAsField(1)).ifPresent(usage -> {
            dosage.getTiming().setCode(usage);
            if (usage.hasText()) {
                dosage.setText(usage.getText());
            }
        });
        var days = Quantities.duration(input, tq1, 6);
        if (days != null) {
            dosage.addExtension(USAGE_DURATION, days);
        }
        Period period = Timestamps.period(input, tq1, 7, 8);
        if (period != null && injection) {
            dosage.getTiming().getRepeat().setBounds(period);
        } else if (period != null) {
            dosage.addExtension(PERIOD_OF_USE, period);
        }
    }

    private static void doseAndRate(MessageInput input, Hl7Segment rxe, Dosage dosage, boolean injection) {
        var doseAndRate = new Dosage.DosageDoseAndRateComponent();
        Quantity dose = Quantities.of(input, rxe, 3, rxe.field(5));
        Quantity most = Quantities.of(input, rxe, 4, rxe.field(5));
        if (dose != null && most != null && most.getValue().compareTo(dose.getValue()) != 0) {
            doseAndRate.setDose(new Range().setLow(simple(dose)).setHigh(simple(most)));
        } else if (dose != null) {
            doseAndRate.setDose(dose);
        }
        Quantity rate = injection ? Quantities.of(input, rxe, 23, rxe.field(24)) : null;
        Quantity daily = injection ? null : Quantities.ofCq(input, rxe, 19);
        if (rate != null) {
            doseAndRate.setRate(rate);
        } else if (daily != null) {
            Quantity day = new Quantity().setValue(1).setUnit("日").setSystem(FhirSystems.UCUM).setCode("d");
            doseAndRate.setRate(new Ratio().setNumerator(daily).setDenominator(day));
        }
        if (!doseAndRate.isEmpty()) {
            dosage.addDoseAndRate(doseAndRate);
        }
    }

    private static SimpleQuantity simple(Quantity quantity) {
        SimpleQuantity simple = new SimpleQuantity();
        simple.setValue(quantity.getValue()).setUnit(quantity.getUnit()).setSystem(quantity.getSystem()).setCode(quantity.getCode());
        return simple;
    }
}
