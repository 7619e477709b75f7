package org.musubi.ingest.hl7.orders.results;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.Practitioners;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.ingest.values.OrderNumbers;
import org.musubi.ingest.results.LabReport;
import org.musubi.ingest.results.LabResult;
import org.musubi.ingest.results.OrderDetails;
import org.musubi.ingest.results.ResultKind;
import org.musubi.ingest.results.ResultStatuses;
import org.musubi.ingest.results.SpecimenInfo;

/**
 * One OBR of a result message with its ORC, specimen and results so far. As a report: order numbers from
 * the ORC (else OBR-2/3), code OBR-4, effective the specimen's collection (SPM-17) else OBR-7, issued
 * OBR-22, status OBR-25 (else derived from the results), and the order's details: who ordered it (ORC-12, else
 * OBR-16), the ordering department (ORC-17) and the comments on the order (NTE before its first OBX).
 */
final class ReportDraft {

    private final String key;
    private final Hl7Segment obr;
    private final SpecimenInfo specimen;
    private final List<LabResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>(0);
    private OrderHeader order;

    ReportDraft(String key, Hl7Segment obr, OrderHeader order, SpecimenInfo specimen) {
        this.key = key;
        this.obr = obr;
        this.order = order;
        this.specimen = specimen;
    }

    boolean hasOrder() {
        return order != null;
    }

    boolean isEmpty() {
        return results.isEmpty();
    }

    void order(OrderHeader header) {
        this.order = header;
    }

    void add(LabResult result) {
        results.add(result);
    }

    /** An NTE: a note on the last result, or on the order before any result. */
    void note(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (results.isEmpty()) {
            notes.add(text);
        } else {
            results.set(results.size() - 1, results.getLast().withNote(text));
        }
    }

    LabReport report(MessageInput input, ResultKind kind) throws MessageRejected {
        OrderNumbers numbers = order != null && !order.numbers().isEmpty() ? order.numbers()
                : new OrderNumbers(obr.text(2), obr.text(3));
        DateTimeType observed = Timestamps.optional(input, obr, 7);
        DateTimeType effective = specimen != null && specimen.collected() != null ? specimen.collected() : observed;
        Reference requester = order != null && order.requester() != null ? order.requester()
                : Practitioners.reference(obr.field(16), input.facility());
        OrderDetails details = new OrderDetails(requester, order == null ? null : order.department(), notes);
        return new LabReport(key, kind, numbers, Hl7Values.concept(obr.field(4)).orElse(null), specimen, effective,
                Timestamps.optional(input, obr, 22), ResultStatuses.report(obr.text(25)), results, details);
    }
}
