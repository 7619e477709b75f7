package org.musubi.ingest.hl7.orders.segments;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.values.OrderNumbers;

/**
 * An order's common part, from its ORC: numbers (ORC-2 placer, ORC-3 filler, ORC-4 group, ORC-8 parent),
 * control and status (ORC-1, ORC-5), when (ORC-9), who entered and who ordered it (ORC-10, ORC-12), the
 * ordering department (ORC-17) and the inpatient/outpatient order type (ORC-29). Any part may be empty
 * or null; an unreadable ORC-9 rejects the message.
 */
public record OrderHeader(OrderNumbers numbers, String group, String parent, OrderControl control, DateTimeType authoredOn,
                          Reference enterer, Reference requester, CodeableConcept department, CodeableConcept orderType) {

    public static OrderHeader read(MessageInput input, Hl7Segment orc) throws MessageRejected {
        var facility = input.facility();
        return new OrderHeader(new OrderNumbers(orc.text(2), orc.text(3)), orc.text(4).strip(), orc.field(8).sub(1, 1).strip(),
                OrderControl.of(orc.text(1).strip(), orc.text(5).strip()), Timestamps.optional(input, orc, 9),
                Practitioners.reference(orc.field(10), facility), Practitioners.reference(orc.field(12), facility),
                Hl7Values.concept(orc.field(17)).orElse(null), Hl7Values.concept(orc.field(29)).orElse(null));
    }

    /** For a message that sent no ORC. */
    public static OrderHeader none() {
        return new OrderHeader(new OrderNumbers("", ""), "", "", OrderControl.ACTIVE, null, null, null, null, null);
    }
}
