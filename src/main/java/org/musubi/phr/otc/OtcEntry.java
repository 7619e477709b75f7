package org.musubi.phr.otc;

import java.time.LocalDate;

/**
 * An OTC drug or supplement the resident (or their proxy) entered: what it is, how it is taken, since when and until
 * when (none: still taken), a note; who entered its current version. {@code id}: the MedicationStatement's.
 */
public record OtcEntry(String id, OtcKind kind, String name, String dose, LocalDate since, LocalDate until,
                       String note, boolean ended, EnteredBy enteredBy) {

    /** What the form holds: everything but the id, the status and who entered it. */
    public record Values(OtcKind kind, String name, String dose, LocalDate since, LocalDate until, String note) {
    }

    /** Whether it is still taken on {@code today}: not ended, and no end date before today. */
    public boolean current(LocalDate today) {
        return !ended && (until == null || !until.isBefore(today));
    }

    public Values values() {
        return new Values(kind, name, dose, since, until, note);
    }
}
