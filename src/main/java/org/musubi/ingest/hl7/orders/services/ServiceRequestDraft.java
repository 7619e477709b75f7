package org.musubi.ingest.hl7.orders.services;

import java.util.Map;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Specimen;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.ObxTexts;
import org.musubi.ingest.hl7.orders.segments.OrderControl;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.Practitioners;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.ingest.values.OrderNumbers;
import org.musubi.record.fhir.FhirSystems;

/**
 * A ServiceRequest being read from an order's OBR and what follows it: the first OBR sets code (OBR-4),
 * numbers, status, when (ORC-9; TQ1-7/8 as occurrence), who (ORC-12, else OBR-16) and priority (TQ1-9);
 * every OBR of the same order and test adds its specimen (SPM as a contained JP_Specimen_Common). An OBX
 * without a value is an ordered item ({@code orderDetail}, e.g. OML-01's JLAC10 tests); one with a value
 * is a note ({@code 体重: 62 kg}), as is an NTE.
 */
final class ServiceRequestDraft {

    static final String PROFILE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_ServiceRequest_Common";

    private final String key;
    private final OrderHeader header;
    private final ServiceRequest request = new ServiceRequest();
    private String placer = "";
    private String parent = "";
    private int specimens;
    private boolean started;

    ServiceRequestDraft(String key, OrderHeader header, ServiceCategory category) {
        this.key = key;
        this.header = header;
        request.getMeta().addProfile(PROFILE);
        request.addCategory(category.concept());
    }

    String key() {
        return key;
    }

    String placer() {
        return placer;
    }

    ServiceRequestDraft add(MessageInput input, Hl7Segment obr, Hl7Segment timing, Hl7Segment spm) throws MessageRejected {
        if (!started) {
            started = true;
            first(input, obr, timing);
        }
        if (spm != null) {
            specimen(input, spm);
        }
        return this;
    }

    private void first(MessageInput input, Hl7Segment obr, Hl7Segment timing) throws MessageRejected {
        OrderNumbers numbers = header.numbers().isEmpty() ? new OrderNumbers(obr.text(2), obr.text(3)) : header.numbers();
        placer = numbers.placer();
        parent = !header.parent().isEmpty() ? header.parent() : obr.field(29).sub(1, 1).strip();
        numbers.identifiers(input.facility()).forEach(request::addIdentifier);
        request.setStatus(status(header.control())).setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(Hl7Values.concept(obr.field(4)).orElse(null)).setSubject(SourceRefs.patient());
        if (header.authoredOn() != null) {
            request.setAuthoredOnElement(header.authoredOn());
        }
        Reference requester = header.requester() != null ? header.requester()
                : Practitioners.reference(obr.field(16), input.facility());
        request.setRequester(requester);
        if (timing != null) {
            var period = Timestamps.period(input, timing, 7, 8);
            if (period != null) {
                request.setOccurrence(period);
            }
            request.setPriority(priority(timing.field(9).component(1).strip()));
        }
    }

    private void specimen(MessageInput input, Hl7Segment spm) throws MessageRejected {
        Specimen specimen = new Specimen();
        specimen.setId("specimen" + ++specimens);
        specimen.getMeta().addProfile(FhirSystems.JP_SPECIMEN);
        specimen.setSubject(SourceRefs.patient());
        Hl7Values.concept(spm.field(4)).ifPresent(specimen::setType);
        var collected = Timestamps.optional(input, spm, 17);
        if (collected != null) {
            specimen.getCollection().setCollected(collected);
        }
        request.addContained(specimen);
        request.addSpecimen(new Reference("#" + specimen.getId()));
    }

    void observation(Hl7Segment obx) {
        if (obx.repetitions(5).isEmpty()) {
            Hl7Values.concept(obx.field(3)).ifPresent(request::addOrderDetail);
        } else {
            note(ObxTexts.line(obx));
        }
    }

    void note(String text) {
        if (text != null && !text.isBlank()) {
            request.addNote().setText(text);
        }
    }

    /** The request, based on its parent: a request of this message by key, else by number. */
    ServiceRequest finish(MappingContext facility, Map<String, String> keysByNumber) {
        if (!parent.isEmpty() && !parent.equals(placer)) {
            String parentKey = keysByNumber.get(parent);
            request.addBasedOn(parentKey != null ? SourceRefs.to("ServiceRequest", parentKey)
                    : new OrderNumbers(parent, "").order(facility, "ServiceRequest"));
        }
        return request;
    }

    static ServiceRequestStatus status(OrderControl control) {
        return switch (control) {
            case ACTIVE -> ServiceRequestStatus.ACTIVE;
            case CANCELLED, STOPPED -> ServiceRequestStatus.REVOKED;
            case ON_HOLD -> ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequestStatus.COMPLETED;
        };
    }

    /** TQ1-9 (HL7 table 0485): S stat, A ASAP, T timing critical, R routine; others none. */
    static ServiceRequest.ServiceRequestPriority priority(String code) {
        return switch (code) {
            case "S" -> ServiceRequest.ServiceRequestPriority.STAT;
            case "A" -> ServiceRequest.ServiceRequestPriority.ASAP;
            case "T" -> ServiceRequest.ServiceRequestPriority.URGENT;
            case "R" -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            default -> null;
        };
    }
}
