package org.musubi.ingest.results;

import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;

/**
 * Result and report statuses: HL7 v2 table 0085 (OBX-11) and 0123 (OBR-25) as FHIR, following HL7's
 * v2-to-FHIR status maps; an empty OBX-11 is final (SS-MIX2's ConceptMap for OML-11 fixes final).
 */
public final class ResultStatuses {

    private ResultStatuses() {
    }

    public static ObservationStatus observation(String v2) {
        return switch (v2 == null ? "" : v2.strip()) {
            case "", "F", "U" -> ObservationStatus.FINAL;
            case "C" -> ObservationStatus.CORRECTED;
            case "P", "R", "S" -> ObservationStatus.PRELIMINARY;
            case "I", "O" -> ObservationStatus.REGISTERED;
            case "X", "N" -> ObservationStatus.CANCELLED;
            case "D", "W" -> ObservationStatus.ENTEREDINERROR;
            default -> ObservationStatus.UNKNOWN;
        };
    }

    /** Null when {@code v2} is empty or not in table 0123. */
    public static DiagnosticReportStatus report(String v2) {
        return switch (v2 == null ? "" : v2.strip()) {
            case "F" -> DiagnosticReportStatus.FINAL;
            case "C" -> DiagnosticReportStatus.CORRECTED;
            case "P", "R" -> DiagnosticReportStatus.PRELIMINARY;
            case "A" -> DiagnosticReportStatus.PARTIAL;
            case "O", "I", "S" -> DiagnosticReportStatus.REGISTERED;
            case "X" -> DiagnosticReportStatus.CANCELLED;
            default -> null;
        };
    }

    /** A report's status from its results when none was sent. */
    public static DiagnosticReportStatus derived(List<LabResult> results) {
        if (results.isEmpty()) {
            return DiagnosticReportStatus.REGISTERED;
        }
        boolean allDone = results.stream().allMatch(r -> r.status() == ObservationStatus.FINAL
                || r.status() == ObservationStatus.CORRECTED || r.status() == ObservationStatus.AMENDED);
        if (allDone) {
            return results.stream().anyMatch(r -> r.status() == ObservationStatus.CORRECTED)
                    ? DiagnosticReportStatus.CORRECTED : DiagnosticReportStatus.FINAL;
        }
        if (results.stream().allMatch(r -> r.status() == ObservationStatus.CANCELLED)) {
            return DiagnosticReportStatus.CANCELLED;
        }
        return DiagnosticReportStatus.PARTIAL;
    }
}
