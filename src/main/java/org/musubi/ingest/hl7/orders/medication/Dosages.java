package org.musubi.ingest.hl7.orders.medication;

import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.ingest.values.Numbers;
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
        String unit = rxe.field(5).component(2);
        Quantity dose = keptAsText(input, rxe, 3, written(rxe, 3), unit, "1回量", dosage) ? null
                : Quantities.of(input, rxe, 3, rxe.field(5));
        Quantity most = keptAsText(input, rxe, 4, written(rxe, 4), unit, "最大量", dosage) ? null
                : Quantities.of(input, rxe, 4, rxe.field(5));
        if (dose != null && most != null && most.getValue().compareTo(dose.getValue()) != 0) {
            doseAndRate.setDose(new Range().setLow(simple(dose)).setHigh(simple(most)));
        } else if (dose != null) {
            doseAndRate.setDose(dose);
        }
        Quantity rate = injection ? Quantities.of(input, rxe, 23, rxe.field(24)) : null;
        Quantity daily = injection || keptAsText(input, rxe, 19, rxe.field(19).component(1),
                rxe.field(19).componentAsField(2).component(2), "1日量", dosage) ? null : Quantities.ofCq(input, rxe, 19);
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

    /**
     * A field as written: a range written with an unescaped {@code ~} ({@code 1~2}) parses as repetitions of a field
     * that does not repeat; they are joined back, so the range is not read as its first number.
     */
    private static String written(Hl7Segment segment, int field) {
        return segment.repetitions(field).stream().map(Hl7Field::text).collect(Collectors.joining("~"));
    }

    /**
     * A dose field that is not a number ({@code 1~2}, {@code 適量}) is no Quantity, but it is what the prescriber wrote:
     * it is added to the dosage's text as {@code （1回量：1~2 錠）}, with a warning saying so. True when it was.
     */
    private static boolean keptAsText(MessageInput input, Hl7Segment rxe, int field, String value, String unit, String label,
                                   Dosage dosage) {
        String text = value.strip();
        if (text.isEmpty() || Numbers.plain(text).isPresent()) {
            return false;
        }
        String kept = "（" + label + "：" + text + (unit.isBlank() || text.endsWith(unit.strip()) ? "" : " " + unit.strip()) + "）";
        dosage.setText(dosage.hasText() ? dosage.getText() + kept : kept);
        OrderProblems.warn(input, rxe, field, "number.keptAsText", rxe.fieldName(field), text, kept);
        return true;
    }

    private static SimpleQuantity simple(Quantity quantity) {
        SimpleQuantity simple = new SimpleQuantity();
        simple.setValue(quantity.getValue()).setUnit(quantity.getUnit()).setSystem(quantity.getSystem()).setCode(quantity.getCode());
        return simple;
    }
}
