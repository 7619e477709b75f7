package org.musubi.publish;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A care event a care office records for a person (介護記録): a visit, a short ADL check, vital signs or an incident,
 * each at a local date and time (Japan). What each holds is checked by {@link #faults}: the names of the fields at
 * fault (the form's and the CSV's column names), empty when the event may be stored.
 */
public sealed interface CareEvent {

    /** When the event happened (Japan's local time). */
    LocalDateTime at();

    /** The fields at fault, by their form and CSV column names; empty when the event may be stored. */
    List<String> faults();

    /** The services a visit gives, shown through the labels {@code care.service.<name>}. */
    enum Service { BODY_CARE, HOUSEHOLD, BATHING, TOILETING, MEALS, MEDICATION_CHECK, OUTING, OTHER }

    /** The kinds of incident (ヒヤリ・ハット, 事故), shown through {@code care.incident.<name>}. */
    enum IncidentKind { FALL, MEDICATION_ERROR, OTHER }

    /** How serious an incident was, shown through {@code care.severity.<name>}. */
    enum Severity { NEAR_MISS, NO_HARM, MINOR, SEVERE }

    /** The ADL items of the short check: the care team's items in its local CodeSystem. */
    List<String> ADL_ITEMS = List.of("meal", "toilet", "bathing", "mobility");
    /** The answers of an ADL item. */
    List<String> ADL_ANSWERS = List.of("independent", "partial", "dependent");
    /** The longest note kept. */
    int NOTE = 2000;

    /** A visit: how long (minutes), the services given (at least one), a note. */
    record Visit(LocalDateTime at, int minutes, Set<Service> services, String note) implements CareEvent {
        @Override
        public List<String> faults() {
            List<String> faults = new java.util.ArrayList<>();
            if (minutes < 1 || minutes > 24 * 60) {
                faults.add("duration_minutes");
            }
            if (services == null || services.isEmpty()) {
                faults.add("services");
            }
            if (note != null && note.length() > NOTE) {
                faults.add("note");
            }
            return faults;
        }
    }

    /** An ADL check: each answered item of {@link #ADL_ITEMS} with one of {@link #ADL_ANSWERS}; a remark. */
    record Adl(LocalDateTime at, Map<String, String> answers, String note) implements CareEvent {
        @Override
        public List<String> faults() {
            List<String> faults = new java.util.ArrayList<>();
            answers.forEach((item, answer) -> {
                if (!ADL_ITEMS.contains(item) || !ADL_ANSWERS.contains(answer)) {
                    faults.add("adl_" + item);
                }
            });
            if (answers.isEmpty()) {
                faults.add("adl_meal");
            }
            if (note != null && note.length() > NOTE) {
                faults.add("note");
            }
            return faults;
        }
    }

    /** Vital signs: one value or more (blood pressure both parts), each within what a body can measure. */
    record Vitals(LocalDateTime at, Map<CareMeasure, BigDecimal> values) implements CareEvent {
        @Override
        public List<String> faults() {
            List<String> faults = new java.util.ArrayList<>();
            values.forEach((measure, value) -> {
                if (!measure.plausible(value)) {
                    faults.add(measure.key());
                }
            });
            if (values.containsKey(CareMeasure.SYSTOLIC) != values.containsKey(CareMeasure.DIASTOLIC)) {
                faults.add(values.containsKey(CareMeasure.SYSTOLIC) ? "diastolic" : "systolic");
            }
            if (values.isEmpty()) {
                faults.add("systolic");
            }
            return faults;
        }
    }

    /** An incident: its kind and severity, and what happened (required). */
    record Incident(LocalDateTime at, IncidentKind kind, Severity severity, String note) implements CareEvent {
        @Override
        public List<String> faults() {
            List<String> faults = new java.util.ArrayList<>();
            if (kind == null) {
                faults.add("incident_kind");
            }
            if (severity == null) {
                faults.add("severity");
            }
            if (note == null || note.isBlank() || note.length() > NOTE) {
                faults.add("note");
            }
            return faults;
        }
    }
}
