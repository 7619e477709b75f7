package org.musubi.portal.chart;

/** What a timeline entry is; the viewer filters and marks entries by kind. */
public enum TimelineKind {
    ENCOUNTER,
    DIAGNOSIS,
    ALLERGY,
    PRESCRIPTION,
    DISPENSING,
    INJECTION,
    LAB,
    /** Vital signs and body measurements, whoever measured them (a facility, a care team, the resident). */
    VITALS,
    DOCUMENT,
    IMAGING,
    /** The care network's entries: care plans and teams, goals, care tasks, filled forms, care-team notes. */
    CARE,
    OTHER;

    /** The message key of the kind's name, e.g. {@code chart.kind.LAB}. */
    public String messageKey() {
        return "chart.kind." + name();
    }
}
