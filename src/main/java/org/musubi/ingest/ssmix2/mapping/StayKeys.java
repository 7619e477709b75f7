package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.ssmix2.Ssmix2Problems;
import org.musubi.ingest.ssmix2.Stays;
import org.musubi.ingest.ssmix2.naming.Ssmix2FileName;

/**
 * Which Encounter an ADT event writes. Events of one visit share a source key outside any record key,
 * so that the admission, transfers and discharge of one stay make one Encounter:
 * {@code ssmix2:visit:<PV1-19>} when a visit number is sent, else for an inpatient
 * {@code ssmix2:stay:<admission day YYYYMMDD>}, the admission taken from PV1-44, the planned date
 * PV2-8 (ADT-21), the care date of an ADT-22 file, or the storage's latest admission on or before
 * the event ({@link Stays}). An outpatient event, or a stay that cannot be found, is its own
 * Encounter under the record key.
 */
final class StayKeys {

    /** The Encounter's source key and, when known, when the stay or visit began. */
    record EncounterKey(String sourceKey, Optional<DateTimeType> start) {
    }

    private final Stays stays;

    StayKeys(Stays stays) {
        this.stays = stays;
    }

    EncounterKey of(MessageInput input, Hl7Segment pv1, Ssmix2FileName name, boolean inpatient) throws MessageRejected {
        String visit = pv1.field(19).component(1).strip();
        Optional<String> admitted = inpatient ? admission(input, pv1, name) : Optional.empty();
        Optional<DateTimeType> start = admitted.flatMap(Hl7Values::dateTime)
                .or(() -> inpatient ? Optional.empty() : Dates.optional(input, pv1, 44));
        if (!visit.isEmpty()) {
            return new EncounterKey("ssmix2:visit:" + visit, start);
        }
        if (admitted.isPresent()) {
            return new EncounterKey("ssmix2:stay:" + admitted.get().substring(0, 8), start);
        }
        if (inpatient) {
            input.warn(Ssmix2Problems.at(input, pv1, 44, "ssmix2.stay-unknown", name.careDate()));
        }
        return new EncounterKey(name.recordKey() + "/Encounter", start);
    }

    /** The admission as an HL7 TS of at least a day; a malformed PV1-44 or PV2-8 rejects the message. */
    private Optional<String> admission(MessageInput input, Hl7Segment pv1, Ssmix2FileName name) throws MessageRejected {
        Optional<String> sent = sent(input, pv1, 44);
        if (sent.isEmpty() && name.dataType().equals("ADT-21")) {
            Optional<Hl7Segment> pv2 = input.message().first("PV2");
            sent = pv2.isPresent() ? sent(input, pv2.get(), 8) : Optional.empty();
        }
        if (sent.isPresent() || name.undated()) {
            return sent;
        }
        if (name.dataType().equals("ADT-22")) {
            return Optional.of(name.careDate());
        }
        return stays.admittedOnOrBefore(name.patientId(), name.careDate())
                .filter(ts -> Hl7Values.date(ts).isPresent());
    }

    private static Optional<String> sent(MessageInput input, Hl7Segment segment, int field) throws MessageRejected {
        String text = segment.text(field).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Hl7Values.date(text).isEmpty() || Hl7Values.dateTime(text).isEmpty()) {
            throw new MessageRejected(Ssmix2Problems.at(input, segment, field, "ssmix2.invalid-date",
                    segment.fieldName(field), text));
        }
        return Optional.of(text);
    }
}
