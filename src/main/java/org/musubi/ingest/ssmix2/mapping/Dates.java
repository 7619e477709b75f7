package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.ssmix2.Ssmix2Problems;

/** Date fields a mapping reads: an unreadable value is left out with a warning naming the field. */
public final class Dates {

    private Dates() {
    }

    /** Field {@code field} of {@code segment} as a dateTime; empty when not sent or unreadable (then warned). */
    public static Optional<DateTimeType> optional(MessageInput input, Hl7Segment segment, int field) {
        String text = segment.text(field).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<DateTimeType> value = Hl7Values.dateTime(text);
        if (value.isEmpty()) {
            // the fault a rejection names, with the text of a warning: what was done (the date left out)
            Problem said = Ssmix2Problems.at(input, segment, field, "ssmix2.invalid-date.left-out", segment.fieldName(field), text);
            input.warn(new Problem(said.where(), "ssmix2.invalid-date", said.japanese(), said.english()));
        }
        return value;
    }
}
