package org.musubi.ingest.hl7.orders.services;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.ObxTexts;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.Practitioners;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.ingest.values.SourceKeys;

/**
 * One performed act (a ZE1 and the OBXs after it) as JP_Procedure, completed: code ZE1-3 (else OBR-4), when
 * OBR-7, based on its order (ORC-2, by number), performers the XCN of ZE1-7 and of each XCN OBX (its OBX-3
 * text, e.g. 正従業員の実施医師, as the function); every other OBX is a note line ({@code 開始時間:
 * 2011-11-20T14:45:12+09:00}, {@code 薬品: セルシン5mg 1 管}).
 */
final class ProcedureDraft {

    static final String PROFILE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Procedure";

    private final Procedure procedure = new Procedure();
    private final String orderNumber;
    private final String act;
    private final String code;

    ProcedureDraft(MessageInput input, OrderHeader header, Hl7Segment obr, Hl7Segment ze1, ServiceCategory category)
            throws MessageRejected {
        procedure.getMeta().addProfile(PROFILE);
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(SourceRefs.patient());
        procedure.setCategory(category.concept());
        var concept = Hl7Values.concept(ze1.field(3)).or(() -> obr == null ? Optional.empty()
                : Hl7Values.concept(obr.field(4)));
        concept.ifPresent(procedure::setCode);
        code = concept.map(c -> c.getCodingFirstRep().getCode()).orElse("");
        String number = header.numbers().either();
        orderNumber = number.isEmpty() && obr != null ? obr.text(2).strip() : number;
        act = ze1.text(1).strip();
        if (obr != null) {
            var performed = Timestamps.optional(input, obr, 7);
            if (performed != null) {
                procedure.setPerformed(performed);
            }
        }
        Reference order = header.numbers().order(input.facility(), "ServiceRequest");
        if (order != null) {
            procedure.addBasedOn(order);
        }
        performer(input, ze1, 7, null);
    }

    void observation(MessageInput input, Hl7Segment obx) {
        if (obx.text(2).strip().equals("XCN")) {
            var label = obx.field(3).component(2);
            performer(input, obx, 5, label.isEmpty() ? null : label);
        } else {
            procedure.addNote().setText(ObxTexts.line(obx));
        }
    }

    private void performer(MessageInput input, Hl7Segment segment, int field, String function) {
        var actor = Practitioners.reference(segment.field(field), input.facility());
        if (actor != null) {
            var performer = procedure.addPerformer().setActor(actor);
            if (function != null) {
                performer.setFunction(new CodeableConcept().setText(function));
            }
        }
    }

    String key(String recordKey) {
        return recordKey + "/proc/" + SourceKeys.part(orderNumber) + "/" + SourceKeys.part(act) + "/" + SourceKeys.part(code);
    }

    Procedure resource() {
        return procedure;
    }
}
