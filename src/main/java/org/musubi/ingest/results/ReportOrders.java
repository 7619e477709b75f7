package org.musubi.ingest.results;

import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;

/**
 * The order a report answers, as far as the result message describes it. DiagnosticReport has no requester or note
 * in R4, so when the message names who ordered (ORC-12, else OBR-16) or comments on the order (NTE after the OBR),
 * the report holds the order as a contained ServiceRequest ({@code #order}, as JP-CLINS contains the order of a lab
 * result): its numbers, what was ordered (OBR-4), the requester and the comments; {@code basedOn} refers to it and
 * keeps the order number, so the report still joins the order the facility sent in its own files. Without such
 * details the report refers to the order by number only.
 */
final class ReportOrders {

    static final String ID = "order";

    private ReportOrders() {
    }

    /** The report's {@code basedOn}: {@code order} (by number, may be null), and the contained order when there is one. */
    static Reference basedOn(DiagnosticReport resource, LabReport report, MappingContext facility, Reference order) {
        OrderDetails details = report.details();
        if (details.requester() == null && details.notes().isEmpty()) {
            return order == null ? null : order.copy();
        }
        ServiceRequest request = new ServiceRequest();
        request.setId(ID);
        report.order().identifiers(facility).forEach(request::addIdentifier);
        request.setStatus(status(resource.getStatus())).setIntent(ServiceRequestIntent.ORDER);
        if (report.code() != null) {
            request.setCode(report.code().copy());
        }
        request.setSubject(SourceRefs.patient());
        if (details.requester() != null) {
            request.setRequester(details.requester().copy());
        }
        details.notes().forEach(n -> request.addNote().setText(n));
        resource.addContained(request);
        Reference reference = new Reference("#" + ID).setType("ServiceRequest");
        return order == null ? reference : reference.setIdentifier(order.getIdentifier().copy());
    }

    private static ServiceRequestStatus status(DiagnosticReportStatus report) {
        return switch (report) {
            case FINAL, CORRECTED, AMENDED, APPENDED -> ServiceRequestStatus.COMPLETED;
            case CANCELLED -> ServiceRequestStatus.REVOKED;
            case ENTEREDINERROR -> ServiceRequestStatus.ENTEREDINERROR;
            default -> ServiceRequestStatus.ACTIVE;
        };
    }
}
