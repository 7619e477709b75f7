package org.musubi.synth.sources;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.musubi.identity.Person;
import org.musubi.synth.Seeds;
import org.musubi.synth.fhir.ClinicalCodes;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.CarePlan;
import org.musubi.synth.sources.care.Chart;
import org.musubi.synth.sources.care.CourseGenerator;
import org.musubi.synth.sources.care.Department;
import org.musubi.synth.sources.care.Health;
import org.musubi.synth.sources.jahis.Pharmacies;
import org.musubi.synth.sources.sites.Site;
import org.musubi.synth.sources.ssmix2.Ssmix2Writer;

/**
 * Writes everything about one person: their course at each hospital or clinic they attend (the
 * one they see regularly gets twice the messages of each other, from its first half year to the
 * end; the others a stretch of one to three years), as SS-MIX2 files, then the pharmacies' JAHIS
 * files of the prescriptions dispensed. Depends only on the seed, the options and the person's index.
 */
final class PersonSources {

    private static final long PLANS = 103;
    private static final long COURSES = 104;
    private static final int FIRST_DAYS_OF_LIFE = 30;
    /** Seen in paediatrics below this age when the records begin. */
    private static final int CHILD_UNTIL = 15;
    /** The regular facility's first visit in the span falls within its first half year. */
    private static final int FIRST_VISIT_SPREAD_DAYS = 180;

    private final SourceRun run;
    private final SourceOptions options;

    PersonSources(SourceRun run) {
        this.run = run;
        this.options = run.options();
    }

    void write(long index, Person person) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(options.seed(), PLANS), index));
        CarePlan plan = CarePlan.draw(random, run.sites());
        Health health = Health.draw(random, person, options.from(), options.until());
        Pharmacies pharmacies = new Pharmacies(random, plan.pharmacies(), run);
        List<SplittableRandom> randoms = new ArrayList<>();
        List<List<ClinicalCodes.Diagnosis>> treated = new ArrayList<>();
        for (int n = 0; n < plan.medical().size(); n++) {
            randoms.add(new SplittableRandom(Seeds.derive(Seeds.derive(Seeds.derive(options.seed(), COURSES), index),
                    plan.medical().get(n).index())));
            treated.add(treated(randoms.get(n), health, n == 0));
        }
        List<List<ClinicalCodes.Diagnosis>> prescribed = prescribed(treated);
        for (int n = 0; n < plan.medical().size(); n++) {
            int share = Math.ceilDiv(options.messagesPerPatient() * (n == 0 ? 2 : 1), plan.medical().size() + 1);
            Chart chart = chart(randoms.get(n), plan.medical().get(n), index, person, treated.get(n), prescribed.get(n),
                    health);
            Course course = writeCourse(randoms.get(n), person, chart, n == 0, share);
            if (course != null) {
                pharmacies.dispense(course.chart(), course.events());
            }
        }
        pharmacies.write(index, person, health);
    }

    /** The person's course at one site, written as SS-MIX2 files; null when the span holds no day of their life. */
    private Course writeCourse(SplittableRandom random, Person person, Chart chart, boolean regular, int messages) {
        Site site = chart.site();
        LocalDate born = person.birthDate().plusDays(FIRST_DAYS_OF_LIFE);
        LocalDate start = regular ? options.from().plusDays(random.nextInt(FIRST_VISIT_SPREAD_DAYS)) : stretchStart(random);
        LocalDate end = regular ? options.until() : min(options.until(), start.plusYears(1 + random.nextInt(3)));
        start = start.isBefore(born) ? born : start;
        if (start.isAfter(end)) {
            return null;
        }
        List<CareEvent> events = new CourseGenerator(random, chart, options).course(start, end, messages);
        new Ssmix2Writer(run.out(), site, run.counts()).write(chart, events);
        return new Course(chart, events);
    }

    private record Course(Chart chart, List<CareEvent> events) {
    }

    /** The regular facility treats every chronic diagnosis, each other one of them (none for a child). */
    private static List<ClinicalCodes.Diagnosis> treated(SplittableRandom random, Health health, boolean regular) {
        List<ClinicalCodes.Diagnosis> chronic = health.chronic();
        return regular || chronic.isEmpty() ? chronic : List.of(chronic.get(random.nextInt(chronic.size())));
    }

    /**
     * Each diagnosis's drugs are prescribed by one facility only, so that no drug is prescribed twice: by the first
     * other facility that treats it (the specialist), else by the regular one.
     */
    private static List<List<ClinicalCodes.Diagnosis>> prescribed(List<List<ClinicalCodes.Diagnosis>> treated) {
        Set<ClinicalCodes.Diagnosis> taken = new HashSet<>();
        List<List<ClinicalCodes.Diagnosis>> prescribed = new ArrayList<>();
        prescribed.add(List.of());
        for (int n = 1; n < treated.size(); n++) {
            prescribed.add(treated.get(n).stream().filter(taken::add).toList());
        }
        prescribed.set(0, treated.getFirst().stream().filter(d -> !taken.contains(d)).toList());
        return prescribed;
    }

    private Chart chart(SplittableRandom random, Site site, long index, Person person,
                        List<ClinicalCodes.Diagnosis> treated, List<ClinicalCodes.Diagnosis> prescribed, Health health) {
        Department department = health.ageOn(options.from()) < CHILD_UNTIL ? Department.PAEDIATRICS
                : site.hospital() && !treated.isEmpty() ? Department.of(treated.getFirst()) : Department.INTERNAL;
        return new Chart(site, index, site.patientIds().of(index),
                run.registrations().of(index, person, site.index()).demographics(), site.someStaff(random), department,
                treated, prescribed, health);
    }

    private LocalDate stretchStart(SplittableRandom random) {
        long days = options.until().toEpochDay() - options.from().toEpochDay();
        return options.from().plusDays(random.nextLong(Math.max(1, days - 365)));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
