package org.musubi.ingest.hl7.orders.results;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.ingest.results.LabReport;
import org.musubi.ingest.results.ResultKind;
import org.musubi.ingest.results.ResultWarning;
import org.musubi.ingest.results.SpecimenInfo;

/**
 * Reads a result message's segments in order into reports. An SPM describes the specimen of the OBRs after
 * it; an ORC belongs to the OBR before it when that OBR has none yet (SS-MIX2 sends SPM, OBR, ORC, OBX),
 * otherwise to the next OBR (ORU^R01's ORC, OBR, OBX); OBXs belong to the last OBR. An NTE comments on the last
 * OBX, else on the order of the last OBR, else (before any OBR) on the order of the next one; its repetitions are
 * lines of their own, and a component separator the sender did not escape is kept as text ({@code lab.caret}).
 * An OBX before any OBR rejects the message.
 */
final class ResultReading {

    private final MessageInput input;
    private final ResultKind kind;
    private final List<ReportDraft> drafts = new ArrayList<>();
    private final List<String> pendingNotes = new ArrayList<>(0);
    private SpecimenInfo specimen;
    private int specimens;
    private OrderHeader pending;

    ResultReading(MessageInput input, ResultKind kind) {
        this.input = input;
        this.kind = kind;
    }

    List<LabReport> reports() throws MessageRejected {
        for (Hl7Segment segment : input.message().segments()) {
            read(segment);
        }
        List<LabReport> reports = new ArrayList<>(drafts.size());
        for (ReportDraft draft : drafts) {
            reports.add(draft.report(input, kind));
        }
        return reports;
    }

    private void read(Hl7Segment segment) throws MessageRejected {
        ReportDraft current = drafts.isEmpty() ? null : drafts.getLast();
        switch (segment.name()) {
            case "SPM" -> specimen = new SpecimenInfo(String.valueOf(++specimens), specimenId(segment),
                    Hl7Values.concept(segment.field(4)).orElse(null), Timestamps.optional(input, segment, 17));
            case "ORC" -> order(current, OrderHeader.read(input, segment));
            case "OBR" -> {
                ReportDraft draft = new ReportDraft(String.valueOf(drafts.size() + 1), segment, pending, specimen);
                pendingNotes.forEach(draft::note);
                pendingNotes.clear();
                drafts.add(draft);
                pending = null;
            }
            case "OBX" -> result(current, segment);
            case "NTE" -> {
                String note = note(segment);
                if (current != null) {
                    current.note(note);
                } else if (!note.isBlank()) {
                    pendingNotes.add(note);
                }
            }
            default -> { }
        }
    }

    /** NTE-3 (FT): its repetitions on lines of their own, each read whole. */
    private String note(Hl7Segment nte) {
        StringJoiner text = new StringJoiner("\n");
        for (Hl7Field line : nte.repetitions(3)) {
            text.add(line.whole());
            if (line.hasComponents()) {
                input.warn(ResultWarning.problem(input.at(nte, 3), "lab.caret", "NTE-3", line.whole()));
            }
        }
        return text.toString();
    }

    /** SPM-2 (EIP): the placer's specimen ID, else the filler's. */
    private static String specimenId(Hl7Segment spm) {
        String placer = spm.field(2).sub(1, 1).strip();
        return placer.isEmpty() ? spm.field(2).sub(2, 1).strip() : placer;
    }

    /** SS-MIX2's ORC after its OBR belongs to it; otherwise an ORC waits for the next OBR. */
    private void order(ReportDraft current, OrderHeader header) {
        if (current != null && !current.hasOrder() && current.isEmpty()) {
            current.order(header);
        } else {
            pending = header;
        }
    }

    private void result(ReportDraft current, Hl7Segment obx) throws MessageRejected {
        if (current == null) {
            throw OrderProblems.rejected(input, obx, 3, "obx.noReport");
        }
        current.add(ObxResults.read(input, obx, specimen == null ? null : specimen.collected(), kind));
    }
}
