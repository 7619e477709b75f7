package org.musubi.ingest.results;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.musubi.ingest.values.OrderNumbers;

/**
 * One report (an OBR with its OBX, a CSV order's rows) ready for FHIR.
 *
 * @param key       the report's key within its record (e.g. the OBR's number in the message)
 * @param code      what was ordered (OBR-4); null when the source names none
 * @param specimen  may be null
 * @param effective collection time, else observation time; may be null
 * @param issued    when reported; may be null
 * @param status    as sent; null to derive it from the results
 * @param details   who ordered, the ordering department and the comments on the order ({@link OrderDetails#NONE})
 */
public record LabReport(String key, ResultKind kind, OrderNumbers order, CodeableConcept code, SpecimenInfo specimen,
                        DateTimeType effective, DateTimeType issued, DiagnosticReportStatus status, List<LabResult> results,
                        OrderDetails details) {

    public LabReport {
        results = List.copyOf(results);
        details = details == null ? OrderDetails.NONE : details;
    }
}
