package org.musubi.ingest.hl7.orders.medication;

import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderControl;
import org.musubi.ingest.hl7.orders.segments.Timestamps;

/**
 * One prescribed drug as JP_MedicationRequest (JP_MedicationRequest_Injection for OMP-02): identifiers
 * and categories from {@link RequestIdentifiers} and {@link RequestCategories}, the drug from {@link
 * PrescribedMedications}, dosage from {@link Dosages}, when and by whom from the ORC (ORC-9, else RXE-32;
 * ORC-12 requester, ORC-10 recorder), and what to dispense (RXE-10/11 quantity, TQ1-6 supply duration,
 * RXE-7 instruction as JP Core's InstructionForDispense, as the SS-MIX2 ConceptMap for OMP-01 maps it).
 */
final class MedicationRequests {

    static final String PROFILE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationRequest";
    static final String INSTRUCTION_FOR_DISPENSE =
            "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationRequest_DispenseRequest_InstructionForDispense";

    private MedicationRequests() {
    }

    static MedicationRequest resource(MessageInput input, PrescribedDrug drug, boolean injection) throws MessageRejected {
        MedicationRequest request = new MedicationRequest();
        request.getMeta().addProfile(injection ? PROFILE + "_Injection" : PROFILE);
        RequestIdentifiers.apply(input, drug, request);
        request.setStatus(status(drug.header().control()));
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        RequestCategories.apply(drug, request);
        PrescribedMedications.apply(input, drug, request);
        request.setSubject(SourceRefs.patient());
        var authored = drug.header().authoredOn() != null ? drug.header().authoredOn()
                : Timestamps.optional(input, drug.rxe(), 32);
        if (authored != null) {
            request.setAuthoredOnElement(authored);
        }
        request.setRequester(drug.header().requester());
        request.setRecorder(drug.header().enterer());
        request.addDosageInstruction(Dosages.dosage(input, drug, injection));
        dispense(input, drug, request, injection);
        return request;
    }

    private static void dispense(MessageInput input, PrescribedDrug drug, MedicationRequest request, boolean injection) {
        Hl7Segment rxe = drug.rxe();
        var dispense = request.getDispenseRequest();
        var quantity = Quantities.of(input, rxe, 10, rxe.field(11));
        if (quantity != null) {
            dispense.setQuantity(quantity);
        }
        var days = request.getDosageInstructionFirstRep().getExtensionByUrl(Dosages.USAGE_DURATION);
        if (days != null) {
            dispense.setExpectedSupplyDuration((Duration) days.getValue().copy());
        }
        Hl7Field instruction = rxe.field(7);
        if (!injection) {
            Hl7Values.concept(instruction).ifPresent(c -> dispense.addExtension(INSTRUCTION_FOR_DISPENSE, c));
        }
        if (dispense.isEmpty()) {
            request.setDispenseRequest(null);
        }
    }

    static MedicationRequestStatus status(OrderControl control) {
        return switch (control) {
            case ACTIVE -> MedicationRequestStatus.ACTIVE;
            case CANCELLED -> MedicationRequestStatus.CANCELLED;
            case STOPPED -> MedicationRequestStatus.STOPPED;
            case ON_HOLD -> MedicationRequestStatus.ONHOLD;
            case COMPLETED -> MedicationRequestStatus.COMPLETED;
        };
    }
}
