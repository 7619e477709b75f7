package org.musubi.ingest.lab;

import java.util.Optional;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.hl7.Hl7Message;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.PatientSegment;
import org.musubi.ingest.hl7.orders.OrderMappers;

/**
 * One message of a lab file as a record: parsed (HAPI), typed (MSH-9 OUL^R22 or ORU^R01), its patient
 * from PID (PID-3 required), keyed by {@link LabRecordKeys}, and mapped by the SS-MIX2 lab-result mapper.
 * A fault of this message becomes its rejection; a fault of Musubi's own (which the fuzz tests hunt) too,
 * as {@code lab.internal}, so one message never stops the file.
 */
final class LabMessageReading {

    private final Hl7Parsing parsing;
    private final MappingContext context;
    private final String file;

    LabMessageReading(Hl7Parsing parsing, MappingContext context, String file) {
        this.parsing = parsing;
        this.context = context;
        this.file = file;
    }

    ParseResult read(Hl7Batch.Message sent) {
        Location where = Location.file(file).at(sent.firstLine(), "MSH");
        try {
            return mapped(sent, parsing.parse(sent.text()), where);
        } catch (Hl7Parsing.Hl7Failure e) {
            Location at = Location.file(file).at(sent.firstLine() + Math.max(e.line(), 1) - 1, e.segment());
            return LabProblems.rejected(at, sent.text(), "lab.hl7.unparseable", String.valueOf(e.getMessage()));
        } catch (MessageRejected e) {
            return new ParseResult.Rejected(e.problem(), sent.text());
        } catch (RuntimeException e) {
            return LabProblems.rejected(where, sent.text(), "lab.internal", e.getClass().getSimpleName());
        }
    }

    private ParseResult mapped(Hl7Batch.Message sent, Hl7Message message, Location where) throws MessageRejected {
        String type = message.type();
        if (!type.equals("OUL^R22") && !type.equals("ORU^R01")) {
            return LabProblems.rejected(where.field("MSH-9"), sent.text(), "lab.hl7.type", type);
        }
        Optional<Hl7Segment> pid = message.first("PID");
        if (pid.isEmpty()) {
            return LabProblems.rejected(where, sent.text(), "lab.hl7.noPid");
        }
        PatientSegment patient = new PatientSegment(pid.get());
        String localId = patient.localId();
        if (localId.isEmpty()) {
            Location at = Location.file(file).at(sent.firstLine() + pid.get().line() - 1, "PID").field("PID-3");
            return LabProblems.rejected(at, sent.text(), "lab.hl7.noPatientId");
        }
        String recordKey = LabRecordKeys.of(message, sent.text());
        MessageInput input = new MessageInput(message, context, recordKey, file, sent.firstLine() - 1);
        var resources = OrderMappers.labResults().map(input);
        return new ParseResult.Parsed(where, recordKey, null, ParseResult.Action.STORE, patient.identity(localId),
                patient.resource(localId, context), false, resources, input.warnings());
    }
}
