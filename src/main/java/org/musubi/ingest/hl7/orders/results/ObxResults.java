package org.musubi.ingest.hl7.orders.results;

import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.ingest.values.SourceKeys;
import org.musubi.ingest.results.Interpretations;
import org.musubi.ingest.results.LabResult;
import org.musubi.ingest.results.ReferenceRanges;
import org.musubi.ingest.results.ResultKind;
import org.musubi.ingest.results.ResultStatuses;
import org.musubi.ingest.results.ResultValues;

/**
 * One result OBX: OBX-3 what (JLAC10 and local codes; an OBX without one rejects the message), the value
 * by {@link ObxValues}, OBX-7 reference range, OBX-8 abnormal flag, OBX-11 status, and when: the specimen's
 * collection time, else OBX-14. Its key is OBX-3's code, with OBX-4's sub-ID after a slash when sent; the sub-ID
 * itself is kept on the result (which organism a quantity or susceptibility belongs to).
 */
final class ObxResults {

    private ObxResults() {
    }

    static LabResult read(MessageInput input, Hl7Segment obx, DateTimeType collected, ResultKind kind) throws MessageRejected {
        Hl7Field code = obx.field(3);
        var concept = Hl7Values.concept(code).orElseThrow(() -> OrderProblems.rejected(input, obx, 3, "result.noCode"));
        String id = code.component(1).isBlank() ? code.component(2) : code.component(1);
        String sub = obx.text(4).strip();
        String key = SourceKeys.part(id) + (sub.isEmpty() ? "" : "/" + SourceKeys.part(sub));
        ResultValues.Read read = ObxValues.value(input, obx, kind);
        Type value = read == null ? null : read.value();
        var range = ReferenceRanges.parse(obx.field(7).component(1), value instanceof Quantity q ? q : null);
        var flags = obx.repetitions(8);
        var interpretation = flags.isEmpty() ? null : Interpretations.of(flags.getFirst().component(1));
        DateTimeType effective = collected != null ? collected : Timestamps.optional(input, obx, 14);
        return new LabResult(key, concept, value, range, interpretation, ResultStatuses.observation(obx.text(11)),
                effective, read == null ? List.of() : read.notes(), sub);
    }
}
