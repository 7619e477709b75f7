package org.musubi.ingest.hl7.orders.results;

import java.util.List;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.results.LabReport;
import org.musubi.ingest.results.LabResources;
import org.musubi.ingest.results.ResultKind;

/**
 * Results: SS-MIX2 OML-11 (OUL^R22: SPM, OBR, ORC, OBX), OMG-13 (ORU^R01 physiology, e.g. an ECG) and a lab
 * centre's OUL^R22 / ORU^R01. Each OBR becomes a DiagnosticReport and each OBX an Observation, each SPM a
 * Specimen, the way {@link LabResources} maps every source's reports (source keys {@code /report/<n>},
 * {@code /obs/<n>/<OBX-3 code>[/<OBX-4>]}, {@code /spm/<m>}, n and m counting OBRs and SPMs in the message).
 */
public final class ResultMapper implements MessageMapper {

    private final ResultKind kind;

    public ResultMapper(ResultKind kind) {
        this.kind = kind;
    }

    @Override
    public List<MappedResource> map(MessageInput input) throws MessageRejected {
        List<LabReport> reports = new ResultReading(input, kind).reports();
        if (reports.isEmpty()) {
            throw OrderProblems.missing(input, "OBR");
        }
        return LabResources.map(input.recordKey(), input.facility(), reports);
    }
}
