package org.musubi.medication;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One medication of a patient, as the checks need it: a prescription or a dispensing.
 *
 * @param id         the caller's reference (e.g. {@code MedicationRequest/123}), echoed in alerts
 * @param codeSystem the drug code's system (FHIR URI), may be null
 * @param code       the drug code, may be null
 * @param name       the drug's name as recorded, used when the code is not a YJ or price-list code
 * @param start      first day taken
 * @param end        last day taken (inclusive); equal to {@code start} for a single day
 * @param prescriber the prescribing institution and doctor, may be null
 * @param pharmacy   the dispensing pharmacy and pharmacist, null for a prescription
 * @param kind       prescription, dispensing or administration (given in a stay)
 */
public record MedicationEntry(String id, String codeSystem, String code, String name, LocalDate start, LocalDate end,
                              Source prescriber, Source pharmacy, Kind kind) {

    public enum Kind { PRESCRIPTION, DISPENSING, ADMINISTRATION }

    public MedicationEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(kind, "kind");
        end = end == null ? start : end;
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " before start " + start + " of " + id);
        }
    }

    /** An entry of {@code days} days' supply from {@code start} (at least one day). */
    public static MedicationEntry forDays(String id, String codeSystem, String code, String name, LocalDate start,
                                         int days, Source prescriber, Source pharmacy, Kind kind) {
        return new MedicationEntry(id, codeSystem, code, name, start, start.plusDays(Math.max(days, 1) - 1L), prescriber,
                pharmacy, kind);
    }
}
