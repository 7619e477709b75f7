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
 * {@code ssmix2:visit:<PV1-19>} when a visit number is sent, else for an inpatient the stay's key
 * ({@code ssmix2:stay:<admission day YYYYMMDD>}), the admission taken from PV1-44, the planned date
 * PV2-8 (ADT-21), the care date of an ADT-22 file, or else the stay the patient was in on the event's
 * day as the import finds it ({@link Stays}: the storage or upload the file came in, then the stays the
 * facility's imports stored before). An outpatient event, or a stay that cannot be found, is its own
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
        Optional<Stays.Stay> stay = inpatient ? stay(input, pv1, name) : Optional.empty();
        Optional<DateTimeType> start = stay.map(Stays.Stay::admitted).flatMap(StayKeys::dateTime)
                .or(() -> inpatient ? Optional.empty() : Dates.optional(input, pv1, 44));
        if (!visit.isEmpty()) {
            return new EncounterKey(Stays.VISIT_KEY + visit, start);
        }
        if (stay.isPresent()) {
            return new EncounterKey(stay.get().sourceKey(), start);
        }
        if (inpatient) {
            input.warn(Ssmix2Problems.at(input, pv1, 44, "ssmix2.stay-unknown", name.careDate()));
        }
        return new EncounterKey(name.recordKey() + "/Encounter", start);
    }

    /** The stay the event belongs to; a malformed PV1-44 or PV2-8 rejects the message. */
    private Optional<Stays.Stay> stay(MessageInput input, Hl7Segment pv1, Ssmix2FileName name) throws MessageRejected {
        Optional<String> sent = sent(input, pv1, 44);
        if (sent.isEmpty() && name.dataType().equals("ADT-21")) {
            Optional<Hl7Segment> pv2 = input.message().first("PV2");
            sent = pv2.isPresent() ? sent(input, pv2.get(), 8) : Optional.empty();
        }
        if (sent.isPresent()) {
            return sent.flatMap(Stays.Stay::admittedAt);
        }
        if (name.undated()) {
            return Optional.empty();
        }
        if (name.dataType().equals("ADT-22")) {
            return Stays.Stay.admittedAt(name.careDate());
        }
        return stays.stayOn(name.patientId(), name.careDate()).filter(s -> Stays.Stay.shared(s.sourceKey()));
    }

    /** An admission time as an HL7 TS or, when a stored stay tells it, a FHIR dateTime. */
    private static Optional<DateTimeType> dateTime(String admitted) {
        if (admitted == null) {
            return Optional.empty();
        }
        if (admitted.length() < 5 || admitted.charAt(4) != '-') {
            return Hl7Values.dateTime(admitted);
        }
        try {
            return Optional.of(new DateTimeType(admitted));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
