package org.musubi.ingest.hl7.orders.segments;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;

/** Timestamps a mapping uses: absent is allowed, sent but unreadable rejects the message naming the field. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Null when the field is empty. */
    public static DateTimeType optional(MessageInput input, Hl7Segment segment, int field) throws MessageRejected {
        String ts = segment.text(field).strip();
        if (ts.isEmpty() || ts.equals("\"\"")) {
            return null;
        }
        return Hl7Values.dateTime(ts).orElseThrow(() -> OrderProblems.rejected(input, segment, field, "field.date",
                segment.fieldName(field), ts));
    }

    public static DateTimeType required(MessageInput input, Hl7Segment segment, int field) throws MessageRejected {
        DateTimeType value = optional(input, segment, field);
        if (value == null) {
            throw OrderProblems.rejected(input, segment, field, "field.missing", segment.fieldName(field));
        }
        return value;
    }

    /** A period from two fields (e.g. TQ1-7 and TQ1-8); null when both are empty. */
    public static Period period(MessageInput input, Hl7Segment segment, int start, int end) throws MessageRejected {
        DateTimeType from = optional(input, segment, start);
        DateTimeType to = optional(input, segment, end);
        if (from == null && to == null) {
            return null;
        }
        Period period = new Period();
        if (from != null) {
            period.setStartElement(from);
        }
        if (to != null) {
            period.setEndElement(to);
        }
        return period;
    }
}
