package org.musubi.synth.sources;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.identity.Person;
import org.musubi.synth.Seeds;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * Writes everything about one person: their course at each hospital or clinic they attend (the
 * one they see regularly gets twice the messages of each other, over the whole span; the others a
 * stretch of one to three years), as SS-MIX2 files, then the pharmacies' JAHIS files of the
 * prescriptions dispensed. Depends only on the seed, the options and the person's index.
 */
final class PersonSources {

    private static final long PLANS = 103;
    private static final long COURSES = 104;
    private static final int FIRST_DAYS_OF_LIFE = 30;

    private final SourceRun run;
    private final SourceOptions options;

    PersonSources(SourceRun run) {
        this.run = run;
        this.options = run.options();
    }

    void write(long index, Person person) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(options.seed(), PLANS), index));
        CarePlan plan = CarePlan.draw(random, run.sites());
        Health health = Health.draw(random, person.sex());
        Pharmacies pharmacies = new Pharmacies(random, plan.pharmacies(), run);
        int shares = plan.medical().size() + 1;
        for (int n = 0; n < plan.medical().size(); n++) {
            Site site = plan.medical().get(n);
            SplittableRandom course = new SplittableRandom(
                    Seeds.derive(Seeds.derive(Seeds.derive(options.seed(), COURSES), index), site.index()));
            Chart chart = chart(course, site, index, person, health, n == 0);
            LocalDate born = person.birthDate().plusDays(FIRST_DAYS_OF_LIFE);
            LocalDate start = n == 0 ? options.from() : stretchStart(course);
            LocalDate end = n == 0 ? options.until() : min(options.until(), start.plusYears(1 + course.nextInt(3)));
            start = start.isBefore(born) ? born : start;
            if (!start.isAfter(end)) {
                int messages = Math.ceilDiv(options.messagesPerPatient() * (n == 0 ? 2 : 1), shares);
                List<CareEvent> events = new CourseGenerator(course, chart, options).course(start, end, messages);
                new Ssmix2Writer(run.out(), site, run.counts()).write(chart, events);
                pharmacies.dispense(chart, events);
            }
        }
        pharmacies.write(index, person, health);
    }

    private Chart chart(SplittableRandom random, Site site, long index, Person person, Health health, boolean regular) {
        List<ClinicalCodes.Diagnosis> treated = regular ? health.chronic()
                : List.of(health.chronic().get(random.nextInt(health.chronic().size())));
        Department department = site.hospital() ? Department.of(treated.getFirst()) : Department.INTERNAL;
        return new Chart(site, index, site.patientIds().of(index),
                run.registrations().of(index, person, site.index()).demographics(), site.someStaff(random), department,
                treated, health);
    }

    private LocalDate stretchStart(SplittableRandom random) {
        long days = options.until().toEpochDay() - options.from().toEpochDay();
        return options.from().plusDays(random.nextLong(Math.max(1, days - 365)));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
