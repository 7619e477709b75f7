package org.musubi.ingest.ssmix2.mapping;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.ssmix2.Ssmix2Problems;
import org.musubi.ingest.ssmix2.Stays;
import org.musubi.ingest.ssmix2.naming.Ssmix2FileName;
import org.musubi.ingest.ssmix2.naming.Ssmix2Path;
import org.musubi.record.fhir.FhirSystems;

/**
 * The encounter events (ADT-01, 12, 21, 22, 31, 32, 41, 42, 51, 52 and their cancels) as a JP Core
 * Encounter, one per visit or stay ({@link StayKeys}): each event writes the stay as it now stands,
 * so the last applied event (in the storage's apply order) decides. Class from PV1-2 (I inpatient,
 * O outpatient, E emergency), status from the event ({@link EncounterEvent}), start from the
 * admission (PV1-44), end from the discharge (PV1-45, else EVN-6), location PV1-3 (and the prior one,
 * PV1-6, as completed), attending (PV1-7) and admitting (PV1-17) doctors by name, department PV1-10,
 * discharge disposition PV1-36, visit number PV1-19.
 */
final class EncounterMapper implements MessageMapper {

    static final String JP_ENCOUNTER = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter";

    private final StayKeys keys;

    EncounterMapper(Stays stays) {
        this.keys = new StayKeys(stays);
    }

    @Override
    public List<MappedResource> map(MessageInput input) throws MessageRejected {
        Hl7Segment pv1 = input.message().first("PV1").orElseThrow(() -> new MessageRejected(
                Ssmix2Problems.at(Location.file(input.file()), "ssmix2.missing-segment", "PV1")));
        Ssmix2FileName name = Ssmix2Path.placedName(input.file());
        String event = input.message().header().field(9).component(2);
        boolean inpatient = inpatient(pv1.text(2), name.dataType());
        StayKeys.EncounterKey key = keys.of(input, pv1, name, inpatient);
        Encounter encounter = new Encounter();
        encounter.getMeta().addProfile(JP_ENCOUNTER);
        encounter.setStatus(EncounterEvent.status(event).orElse(EncounterStatus.UNKNOWN));
        encounter.setClass_(encounterClass(pv1.text(2), inpatient));
        encounter.setSubject(SourceRefs.patient());
        if (!pv1.field(19).component(1).isEmpty()) {
            encounter.addIdentifier().setValue(pv1.field(19).component(1));
        }
        key.start().ifPresent(encounter.getPeriod()::setStartElement);
        if (EncounterEvent.discharge(event)) {
            end(input, pv1).ifPresent(encounter.getPeriod()::setEndElement);
        }
        new EncounterDetails(pv1).apply(encounter);
        return List.of(new MappedResource(key.sourceKey(), encounter));
    }

    private static Optional<DateTimeType> end(MessageInput input, Hl7Segment pv1) {
        return Dates.optional(input, pv1, 45).or(() -> input.message().first("EVN").flatMap(evn -> Dates.optional(input, evn, 6)));
    }

    private static boolean inpatient(String patientClass, String dataType) {
        return switch (patientClass) {
            case "I" -> true;
            case "" -> !dataType.equals("ADT-12") && !dataType.equals("ADT-01");
            default -> false;
        };
    }

    private static Coding encounterClass(String patientClass, boolean inpatient) {
        if (patientClass.equals("E")) {
            return new Coding(FhirSystems.ACT_CODE, "EMER", "emergency");
        }
        return inpatient ? new Coding(FhirSystems.ACT_CODE, "IMP", "inpatient encounter") : new Coding(FhirSystems.ACT_CODE, "AMB", "ambulatory");
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}
