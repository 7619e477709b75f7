package org.musubi.synth.sources.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.musubi.identity.Sex;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * A chart's laboratory tests: for adults the basic panel, and the tests of the diagnoses treated there, each
 * result near the patient's own baseline (as the FHIR records draw them; AST and ALT of the basic panel near the
 * reference range of the patient's sex). Creatinine and eGFR follow the patient's
 * kidney function ({@link Kidneys}): reduced (eGFR 32–58) with chronic kidney disease, else normal (60–95),
 * the eGFR computed by the lab from the creatinine and the age of the birth date the facility registered.
 */
final class LabOrders {

    private static final int ADULT = 18;
    /** AST and ALT: a patient's own level within their sex's reference range, or up to a quarter above it. */
    private static final double LIVER_SPREAD = 1.25;

    private final SplittableRandom random;
    private final Orders orders;
    private final Chart chart;
    private final List<ClinicalCodes.Lab> panel;
    private final Map<ClinicalCodes.Lab, Double> baselines = new HashMap<>();

    LabOrders(SplittableRandom random, Orders orders, Chart chart, LocalDate from) {
        this.random = random;
        this.orders = orders;
        this.chart = chart;
        Set<ClinicalCodes.Lab> labs = new LinkedHashSet<>();
        if (chart.health().ageOn(from) >= ADULT) {
            labs.addAll(ClinicalCodes.BASIC_PANEL);
        }
        chart.treated().forEach(d -> labs.addAll(d.labs()));
        this.panel = List.copyOf(labs);
    }

    /** Whether the chart has tests to order. */
    boolean any() {
        return !panel.isEmpty();
    }

    /** Results of blood taken at {@code collected}, reported one to three hours later. */
    CareEvent.LabReport report(LocalDateTime collected, CareEvent.Ward ward) {
        List<CareEvent.LabValue> values = new ArrayList<>(panel.size());
        double egfr = 0;
        for (ClinicalCodes.Lab lab : panel) {
            double baseline = baselines.computeIfAbsent(lab, this::baseline);
            double value = (lab == ClinicalCodes.CREATININE ? ClinicalCodes.EGFR : lab).around(baseline, random);
            if (lab == ClinicalCodes.CREATININE) {
                value = lab.rounded(Kidneys.creatinine(value, age(collected), sex()));
                egfr = ClinicalCodes.EGFR.rounded(Kidneys.egfr(value, age(collected), sex()));
            } else if (lab == ClinicalCodes.EGFR) {
                value = egfr;
            }
            values.add(new CareEvent.LabValue(lab, value));
        }
        LocalDateTime reported = collected.plusMinutes(60 + random.nextInt(120)).plusSeconds(random.nextInt(60));
        return new CareEvent.LabReport(orders.next(reported), collected, values, ward);
    }

    /** The patient's own level; for creatinine, their eGFR (from which each creatinine result is computed). */
    private double baseline(ClinicalCodes.Lab lab) {
        if (lab == ClinicalCodes.CREATININE) {
            boolean ckd = chart.health().chronic().stream().anyMatch(d -> d.icd10().startsWith("N18"));
            return ckd ? 32 + random.nextDouble() * 26 : 60 + random.nextDouble() * 35;
        }
        if (lab == ClinicalCodes.AST || lab == ClinicalCodes.ALT) {
            ClinicalCodes.Range range = lab.reference(sex());
            return range.low() + random.nextDouble() * (range.high() - range.low()) * LIVER_SPREAD;
        }
        return lab.low() + random.nextDouble() * (lab.high() - lab.low());
    }

    private int age(LocalDateTime collected) {
        LocalDate registered = chart.demographics().birthDate();
        LocalDate born = registered == null || registered.isAfter(collected.toLocalDate()) ? chart.health().birthDate()
                : registered;
        return Math.max(ADULT, born.until(collected.toLocalDate()).getYears());
    }

    private Sex sex() {
        return chart.health().sex();
    }
}
