package org.musubi.record.fhir.medication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person takes now, and what they took: the one meaning of "current medication" for every screen, letter,
 * document and answer (the viewer's お薬, the letter's 現在の処方, the crews' dataset, {@code $summary}, the JP-CLINS 処方
 * item, the resident's いま飲んでいるお薬).
 *
 * <p>A course is current when its status lets it be taken and
 * <ul>
 * <li>given in a stay (an inpatient order, an administration): its facility's stay is open today and it was given in
 * that stay ({@link OpenStays}) — the drips of a stay that ended are history, however recent;</li>
 * <li>a prescription or dispensing for the outpatient: its supply reaches today, or ended at most {@value #GRACE_DAYS}
 * days ago (a patient who comes back for the next prescription a few days late has not stopped the drug: the
 * grace period, documented in docs/portal.md); one that starts after today is current too;</li>
 * <li>a facility's hand-published note: until the facility withdraws it.</li>
 * </ul>
 * Courses of the same ingredient and strength ({@link MedicationCourse#key()}) are one line, shown by its newest
 * current course (the newest course for the history); the others are listed below it. Lines of the history are those
 * with no current course. Both lists are newest first.
 */
public final class CurrentMedication {

    /** How long after its supply ran out an outpatient course is still taken as current, in days. */
    public static final int GRACE_DAYS = 7;

    private CurrentMedication() {
    }

    /**
     * One line of a medication list.
     *
     * @param newest  the course that names the line: the newest current one (of the history: the newest)
     * @param courses every course of the line, newest first
     */
    public record Medicine(String key, MedicationCourse newest, List<MedicationCourse> courses) {

        public Medicine {
            courses = List.copyOf(courses);
        }
    }

    /** The current lines and the history, each newest first. */
    public record MedicationList(List<Medicine> current, List<Medicine> history) {

        public MedicationList {
            current = List.copyOf(current);
            history = List.copyOf(history);
        }
    }

    /** The list of {@code courses} on {@code today}, with the facilities' stays open that day ({@link OpenStays}). */
    public static MedicationList of(List<MedicationCourse> courses, Map<Long, LocalDate> openStays, LocalDate today) {
        Map<String, List<MedicationCourse>> lines = new LinkedHashMap<>();
        courses.stream().sorted(NEWEST_FIRST).forEach(c -> lines.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
        List<Medicine> current = new ArrayList<>();
        List<Medicine> history = new ArrayList<>();
        lines.forEach((key, line) -> line.stream().filter(c -> current(c, openStays, today)).findFirst().ifPresentOrElse(
                newest -> current.add(new Medicine(key, newest, line)),
                () -> history.add(new Medicine(key, line.getFirst(), line))));
        current.sort(Comparator.comparing(Medicine::newest, NEWEST_FIRST));
        history.sort(Comparator.comparing(Medicine::newest, NEWEST_FIRST));
        return new MedicationList(current, history);
    }

    /** Whether one course is taken on {@code today} (see the class). */
    public static boolean current(MedicationCourse course, Map<Long, LocalDate> openStays, LocalDate today) {
        if (!course.live()) {
            return false;
        }
        if (course.inpatient()) {
            LocalDate admitted = openStays.get(course.facilityId());
            return admitted != null && !course.start().isBefore(admitted);
        }
        return course.end() == null || !course.end().plusDays(GRACE_DAYS).isBefore(today);
    }

    /** Newest first: the later start, then a dispensing before the prescription it fills, then the record's reference. */
    static final Comparator<MedicationCourse> NEWEST_FIRST = Comparator.comparing(MedicationCourse::start).reversed()
            .thenComparing(c -> c.kind() == MedicationCourse.Kind.DISPENSING ? 0 : 1)
            .thenComparing(MedicationCourse::ref);
}
