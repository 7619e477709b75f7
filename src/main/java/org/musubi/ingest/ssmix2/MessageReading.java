package org.musubi.ingest.ssmix2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.hl7.Hl7Message;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.PatientSegment;

/**
 * One stored file read as an HL7 message: decode, parse, check MSH-9 and PID, map with the data type's mapper, or for a
 * data type that has none, the mapper of the message's own type (ORU^R30 vital signs wherever they come).
 */
final class MessageReading {

    private final StoredRecord record;
    private final Hl7Parsing parsing;
    private final Map<String, MessageMapper> mappers;
    private final Map<String, MessageMapper> byMessageType;

    MessageReading(StoredRecord record, Hl7Parsing parsing, Map<String, MessageMapper> mappers,
                   Map<String, MessageMapper> byMessageType) {
        this.record = record;
        this.parsing = parsing;
        this.mappers = mappers;
        this.byMessageType = byMessageType;
    }

    ParseResult read(byte[] bytes) {
        if (bytes.length == 0) {
            return record.unusable(Ssmix2Problems.at(record.where(), "ssmix2.empty"), null);
        }
        var decoded = Hl7Text.decode(bytes);
        if (decoded.isEmpty()) {
            return record.unusable(Ssmix2Problems.at(record.where(), "ssmix2.undecodable"), null);
        }
        decoded.get().tolerated().ifPresent(charset ->
                record.warn(Ssmix2Problems.at(record.where(), "ssmix2.charset", charset.name())));
        String text = decoded.get().text();
        try {
            return read(parsing.parse(text), text);
        } catch (Hl7Parsing.Hl7Failure failure) {
            var where = record.where().at(failure.line(), failure.segment());
            return record.unusable(Ssmix2Problems.at(where, "ssmix2.hl7-parse", String.valueOf(failure.getMessage())), text);
        }
    }

    /** A message already decoded and parsed ({@code text} is kept as the raw input of a rejection). */
    ParseResult read(Hl7Message message, String text) {
        String dataType = record.name().dataType();
        List<String> expected = MessageTypes.of(dataType).orElse(List.of());
        if (!expected.isEmpty() && !expected.contains(message.type())) {
            var where = record.where().at(message.header().line(), "MSH").field("MSH-9");
            return record.unusable(Ssmix2Problems.at(where, "ssmix2.message-type", message.type(), dataType,
                    String.join(", ", expected)), text);
        }
        var pid = message.first("PID");
        if (pid.isEmpty()) {
            return record.unusable(Ssmix2Problems.at(record.where(), "ssmix2.no-pid"), text);
        }
        return read(message, new PatientSegment(pid.get()), text);
    }

    private ParseResult read(Hl7Message message, PatientSegment pid, String text) {
        String localId = record.name().patientId();
        if (!pid.localId().equals(localId)) {
            Hl7Segment segment = pid.segment();
            var where = record.where().at(segment.line(), segment.name()).field(segment.fieldName(3));
            record.warn(Ssmix2Problems.at(where, "ssmix2.pid-differs", pid.localId(), localId));
        }
        PatientIdentity identity = pid.identity(localId);
        Patient patient = pid.resource(localId, record.facility());
        if (record.deleted()) {
            return record.parsed(ParseResult.Action.DELETE, identity, patient, false, List.of());
        }
        MessageMapper mapper = mappers.getOrDefault(record.name().dataType(), byMessageType.get(message.type()));
        if (mapper == null) {
            return new ParseResult.Rejected(Ssmix2Problems.at(record.where(), "ssmix2.unsupported",
                    record.name().dataType()), text);
        }
        return map(mapper, message, identity, patient, text);
    }

    private ParseResult map(MessageMapper mapper, Hl7Message message, PatientIdentity identity, Patient patient, String text) {
        MessageInput input = new MessageInput(message, record.facility(), record.name().recordKey(), record.where().file());
        List<MappedResource> resources;
        try {
            resources = mapper.map(input);
        } catch (MessageRejected rejected) {
            return new ParseResult.Rejected(rejected.problem(), text);
        }
        input.warnings().forEach(record::warn);
        boolean deletesPatientRecord = message.type().equals("ADT^A23");
        boolean patientRecord = record.name().dataType().equals("ADT-00");
        return record.parsed(deletesPatientRecord ? ParseResult.Action.DELETE : ParseResult.Action.STORE, identity, patient,
                patientRecord && !deletesPatientRecord, new ArrayList<>(resources));
    }
}
