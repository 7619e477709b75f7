package org.musubi.synth.sources.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.synth.fhir.ClinicalCodes;
import org.musubi.synth.fhir.VisitSchedule;
import org.musubi.synth.sources.SourceOptions;

/**
 * A person's care at one facility over a span, as the events its system records, spread like the
 * FHIR records' visits ({@link VisitSchedule}, at most one visit a day): registration and the
 * problem list at the first visit; at every visit the visit itself and a prescription of the drugs
 * of the diagnoses prescribed for there (none where there are none); laboratory tests at the first
 * and every third visit or so (none for a child without chronic diagnoses); now and then an acute
 * diagnosis (at every visit of a patient without chronic ones, as a child's visits are); and at
 * hospitals, rarely, a stay on a ward (from 15 years). Every draw comes from {@code random}.
 */
public final class CourseGenerator {

    private static final int ACUTE_ONE_IN = 8;
    private static final int LAB_ONE_IN = 3;
    private static final int ADMISSION_PERCENT = 3;
    private static final int ADMISSION_FROM_AGE = 15;

    private final SplittableRandom random;
    private final Chart chart;
    private final Orders orders;
    private final List<CareEvent> events = new ArrayList<>();
    private final ProblemList problems;
    private final LabOrders labs;
    private final HospitalStay stays;
    private LocalDate lastDay;
    private LocalDate dischargeDay = LocalDate.MIN;
    private CareEvent.Ward ward;

    public CourseGenerator(SplittableRandom random, Chart chart, SourceOptions options) {
        this.random = random;
        this.chart = chart;
        this.orders = new Orders(random, chart.personIndex(), options);
        this.problems = new ProblemList(random, orders, events, chart.health());
        this.labs = new LabOrders(random, orders, chart, options.from());
        this.stays = new HospitalStay(random, orders, labs);
    }

    /** At least {@code messages} events (one SS-MIX2 message each, before updates and deletions) from {@code from} to {@code to}. */
    public List<CareEvent> course(LocalDate from, LocalDate to, int messages) {
        this.lastDay = to;
        VisitSchedule.spreadOnePerDay(from, to, messages, events::size, this::visit);
        return events;
    }

    private void visit(LocalDate day) {
        LocalDateTime arrival = day.atTime(9, 0).plusMinutes(random.nextInt(480)).plusSeconds(random.nextInt(60))
                .plusNanos(random.nextInt(1000) * 1_000_000L);
        if (!day.isAfter(dischargeDay)) {
            if (labs.any()) {
                events.add(labs.report(arrival, ward));
            }
            return;
        }
        boolean first = events.isEmpty();
        if (first) {
            events.add(new CareEvent.Registration(arrival.minusMinutes(5 + random.nextInt(25))));
        }
        events.add(new CareEvent.Visit(arrival));
        if (first && !chart.treated().isEmpty()) {
            problems.chronic(chart.treated(), arrival.plusMinutes(3 + random.nextInt(10)));
        } else if (random.nextInt(ACUTE_ONE_IN) == 0 || chart.treated().isEmpty()) {
            problems.acute(arrival.plusMinutes(3 + random.nextInt(10)), false);
        }
        LocalDateTime prescribed = arrival.plusMinutes(10 + random.nextInt(30)).plusSeconds(random.nextInt(60));
        if (!chart.prescribed().isEmpty()) {
            events.add(prescription(prescribed));
        }
        if ((first || random.nextInt(LAB_ONE_IN) == 0) && labs.any()) {
            events.add(labs.report(arrival.plusMinutes(5 + random.nextInt(15)), null));
        }
        if (!first && chart.site().hospital() && random.nextInt(100) < ADMISSION_PERCENT
                && chart.health().ageOn(day) >= ADMISSION_FROM_AGE) {
            admit(arrival.plusHours(2));
        }
    }

    private CareEvent.Prescription prescription(LocalDateTime at) {
        List<ClinicalCodes.Drug> drugs = new ArrayList<>();
        chart.prescribed().forEach(d -> drugs.addAll(d.drugs()));
        return new CareEvent.Prescription(orders.next(at), drugs, 14 * (1 + random.nextInt(4)));
    }

    private void admit(LocalDateTime at) {
        int nights = 3 + random.nextInt(12);
        if (at.toLocalDate().plusDays(nights).isAfter(lastDay)) {
            return;
        }
        problems.acute(at.plusMinutes(20 + random.nextInt(40)), true);
        ward = stays.ward(at);
        dischargeDay = stays.stay(nights, ward, events);
    }
}
