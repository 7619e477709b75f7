package org.musubi.synth.sources.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * A chart's problem list: the chronic diagnoses treated there (the first is the main one) and the
 * acute ones seen at visits or admissions, some only suspected, each cured after one to three
 * weeks. Each change publishes the whole list again as PPR-01, superseding the previous one.
 */
final class ProblemList {

    private static final int SUSPECTED_ONE_IN = 5;
    private static final List<ClinicalCodes.Acute> ADMITTING = ClinicalCodes.ACUTE.stream()
            .filter(a -> a.icd10().startsWith("J2") || a.icd10().startsWith("A")).toList();

    private final SplittableRandom random;
    private final Orders orders;
    private final List<CareEvent> events;
    private final List<CareEvent.Problem> problems = new ArrayList<>();
    private int published = -1;

    private final Health health;

    ProblemList(SplittableRandom random, Orders orders, List<CareEvent> events, Health health) {
        this.random = random;
        this.orders = orders;
        this.events = events;
        this.health = health;
    }

    /** The chronic diagnoses on the first visit (no list for a patient without any). */
    void chronic(List<ClinicalCodes.Diagnosis> treated, LocalDateTime at) {
        if (treated.isEmpty()) {
            return;
        }
        LocalDate day = at.toLocalDate();
        for (ClinicalCodes.Diagnosis d : treated) {
            LocalDate onset = day.minusDays(30 + random.nextInt(3 * 365));
            problems.add(new CareEvent.Problem(orders.number(at), d.medisKey(), d.exchangeCode(), d.icd10(), d.name(),
                    onset, day, false, problems.isEmpty(), false, null));
        }
        publish(at);
    }

    /** An acute diagnosis; on admission one that puts people in hospital (infections of the chest or gut). */
    void acute(LocalDateTime at, boolean onAdmission) {
        List<ClinicalCodes.Acute> choices = onAdmission ? ADMITTING : ClinicalCodes.acute(health.ageOn(at.toLocalDate()));
        ClinicalCodes.Acute a = choices.get(random.nextInt(choices.size()));
        LocalDate day = at.toLocalDate();
        problems.add(new CareEvent.Problem(orders.number(at), a.medisKey(), a.exchangeCode(), a.icd10(), a.name(),
                day.minusDays(random.nextInt(7)), day, onAdmission, false, random.nextInt(SUSPECTED_ONE_IN) == 0,
                day.plusDays(7 + random.nextInt(15))));
        publish(at);
    }

    private void publish(LocalDateTime at) {
        if (published >= 0) {
            CareEvent.Problems previous = (CareEvent.Problems) events.get(published);
            events.set(published, new CareEvent.Problems(previous.at(), previous.problems(), true));
        }
        published = events.size();
        events.add(new CareEvent.Problems(at, problems, false));
    }
}
