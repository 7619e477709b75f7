package org.musubi.ingest.ssmix2;

import java.util.Optional;
import org.musubi.ingest.hl7.Hl7Values;

/**
 * The inpatient stays an import can look in, so that an inpatient event that names neither its visit number (PV1-19)
 * nor its admission date (PV1-44), such as a discharge (ADT-52) or a transfer (ADT-42), joins the Encounter its
 * admission (ADT-22) began: the files of the import (a storage, or an uploaded zip: {@link StorageStays}), and the
 * stays the facility's imports stored before.
 */
@FunctionalInterface
public interface Stays {

    /** No place to look: such events are keyed on their own (with a warning). */
    Stays NONE = (patientId, date) -> Optional.empty();

    /** The source key an inpatient stay's events share when they name their visit number (PV1-19). */
    String VISIT_KEY = "ssmix2:visit:";
    /** The source key an inpatient stay's events share when they name no visit number: the admission's day follows. */
    String STAY_KEY = "ssmix2:stay:";

    /**
     * The stay the patient was in on {@code date} ({@code YYYYMMDD}), or began on or before it: the key its Encounter is
     * stored under and when it began. Empty when there is none to be found.
     */
    Optional<Stay> stayOn(String patientId, String date);

    /** These stays, and where they tell none, {@code other}'s. */
    default Stays orElse(Stays other) {
        return (patientId, date) -> stayOn(patientId, date).or(() -> other.stayOn(patientId, date));
    }

    /**
     * An inpatient stay.
     *
     * @param sourceKey the source key its Encounter is stored under ({@link #STAY_KEY} and the admission's day, or
     *                  {@link #VISIT_KEY} and its visit number)
     * @param admitted  when it began, as an HL7 TS ({@code YYYYMMDD[HHMM[SS]]}) or a FHIR dateTime; null when unknown
     */
    record Stay(String sourceKey, String admitted) {

        /** The stay an admission at {@code ts} (an HL7 TS of at least a day) began; empty when {@code ts} is no date. */
        public static Optional<Stay> admittedAt(String ts) {
            return Hl7Values.date(ts).map(day -> new Stay(STAY_KEY + ts.substring(0, 8), ts));
        }

        /** Whether {@code sourceKey} is one an inpatient stay's events share (not a record's own Encounter). */
        public static boolean shared(String sourceKey) {
            return sourceKey.startsWith(STAY_KEY) || sourceKey.startsWith(VISIT_KEY);
        }
    }
}
