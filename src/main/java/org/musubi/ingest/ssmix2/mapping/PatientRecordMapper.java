package org.musubi.ingest.ssmix2.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.ssmix2.Ssmix2Problems;

/**
 * ADT-00 (ADT^A08 update, ADT^A23 delete): the patient's basic information. The Patient itself comes
 * from PID (the reader makes it authoritative); this maps the rest: OBX height, weight and blood type
 * ({@link PatientObservations}) and AL1 allergies (HL7 table 0127 type, allergen, AL1-4 severity, AL1-5
 * reaction, AL1-6 identification date as onset). NK1, PV1, DB1 and IN1 are not mapped.
 */
final class PatientRecordMapper implements MessageMapper {

    @Override
    public List<MappedResource> map(MessageInput input) {
        LocalKeys keys = new LocalKeys(input.recordKey());
        Optional<DateTimeType> recorded = input.message().first("EVN").flatMap(evn -> Hl7Values.dateTime(evn.text(2)));
        PatientObservations observations = new PatientObservations(input, recorded);
        List<MappedResource> resources = new ArrayList<>();
        for (Hl7Segment segment : input.message().segments()) {
            switch (segment.name()) {
                case "OBX" -> observations.map(segment).ifPresent(o -> resources.add(new MappedResource(
                        keys.next("Observation", PatientObservations.localKey(segment)), o)));
                case "AL1" -> allergy(input, segment).ifPresent(a -> resources.add(new MappedResource(
                        keys.next("AllergyIntolerance", Allergies.localKey(segment.field(2), segment.field(3))), a)));
                default -> { }
            }
        }
        return resources;
    }

    private static Optional<AllergyIntolerance> allergy(MessageInput input, Hl7Segment al1) {
        Optional<AllergyIntolerance> allergy = Allergies.of(al1.field(2), al1.field(3), al1.field(4), al1.field(5).component(1));
        if (allergy.isEmpty()) {
            Ssmix2Problems.warn(input, al1, 3, "ssmix2.missing-field", al1.fieldName(3));
            return allergy;
        }
        Dates.optional(input, al1, 6).ifPresent(allergy.get()::setOnset);
        return allergy;
    }
}
