package org.musubi.ingest.ssmix2.mapping;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;

/**
 * The encounter status each ADT event leaves, after the JAMI SS-MIX2→FHIR ConceptMap
 * table-v2-0003-to-encounterstatus, except that an admission (A01) is in progress rather than
 * "arrived": the patient is in the ward, not waiting to be seen.
 */
final class EncounterEvent {

    private static final Map<String, EncounterStatus> STATUS = Map.ofEntries(
            Map.entry("A54", EncounterStatus.INPROGRESS), Map.entry("A55", EncounterStatus.INPROGRESS),
            Map.entry("A04", EncounterStatus.ARRIVED),
            Map.entry("A14", EncounterStatus.PLANNED), Map.entry("A27", EncounterStatus.CANCELLED),
            Map.entry("A01", EncounterStatus.INPROGRESS), Map.entry("A11", EncounterStatus.CANCELLED),
            Map.entry("A21", EncounterStatus.ONLEAVE), Map.entry("A52", EncounterStatus.INPROGRESS),
            Map.entry("A22", EncounterStatus.INPROGRESS), Map.entry("A53", EncounterStatus.ONLEAVE),
            Map.entry("A15", EncounterStatus.INPROGRESS), Map.entry("A26", EncounterStatus.INPROGRESS),
            Map.entry("A02", EncounterStatus.INPROGRESS), Map.entry("A12", EncounterStatus.INPROGRESS),
            Map.entry("A16", EncounterStatus.INPROGRESS), Map.entry("A25", EncounterStatus.INPROGRESS),
            Map.entry("A03", EncounterStatus.FINISHED), Map.entry("A13", EncounterStatus.INPROGRESS));

    private EncounterEvent() {
    }

    static Optional<EncounterStatus> status(String event) {
        return Optional.ofNullable(STATUS.get(event));
    }

    static boolean discharge(String event) {
        return event.equals("A03");
    }

    static boolean plannedAdmission(String event) {
        return event.equals("A14") || event.equals("A27");
    }
}
