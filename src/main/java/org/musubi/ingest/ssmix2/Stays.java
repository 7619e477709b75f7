package org.musubi.ingest.ssmix2;

import java.util.Optional;

/**
 * The inpatient stays a storage holds, so that an inpatient event that names neither its visit number
 * (PV1-19) nor its admission date (PV1-44), such as a discharge (ADT-52) or a transfer (ADT-42),
 * joins the Encounter its admission (ADT-22) began.
 */
@FunctionalInterface
public interface Stays {

    /** No storage to look in: such events are keyed on their own (with a warning). */
    Stays NONE = (patientId, date) -> Optional.empty();

    /**
     * When the patient's latest admission on or before {@code date} ({@code YYYYMMDD}) began, as an HL7
     * TS ({@code YYYYMMDD[HHMM[SS]]}); empty when the storage has none.
     */
    Optional<String> admittedOnOrBefore(String patientId, String date);
}
