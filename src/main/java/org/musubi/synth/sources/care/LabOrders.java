package org.musubi.synth.sources.care;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * A chart's laboratory tests: the basic panel and the tests of the diagnoses treated there, each
 * result near the patient's own baseline (as the FHIR records draw them).
 */
final class LabOrders {

    private final SplittableRandom random;
    private final Orders orders;
    private final List<ClinicalCodes.Lab> panel;
    private final Map<ClinicalCodes.Lab, Double> baselines = new HashMap<>();

    LabOrders(SplittableRandom random, Orders orders, List<ClinicalCodes.Diagnosis> treated) {
        this.random = random;
        this.orders = orders;
        Set<ClinicalCodes.Lab> labs = new LinkedHashSet<>(ClinicalCodes.BASIC_PANEL);
        treated.forEach(d -> labs.addAll(d.labs()));
        this.panel = List.copyOf(labs);
    }

    /** Results of blood taken at {@code collected}, reported one to three hours later. */
    CareEvent.LabReport report(LocalDateTime collected, CareEvent.Ward ward) {
        List<CareEvent.LabValue> values = new ArrayList<>(panel.size());
        for (ClinicalCodes.Lab lab : panel) {
            double baseline = baselines.computeIfAbsent(lab, l -> l.low() + random.nextDouble() * (l.high() - l.low()));
            values.add(new CareEvent.LabValue(lab, lab.around(baseline, random)));
        }
        LocalDateTime reported = collected.plusMinutes(60 + random.nextInt(120)).plusSeconds(random.nextInt(60));
        return new CareEvent.LabReport(orders.next(reported), collected, values, ward);
    }
}
