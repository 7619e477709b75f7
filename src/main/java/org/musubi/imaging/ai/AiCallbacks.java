package org.musubi.imaging.ai;

import java.time.Instant;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Purpose;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.ReadRecords;

/**
 * A service posts a work item's findings ({@code POST /imaging/ai/callback/{id}} with the work item's callback token):
 * checked against the contract ({@link AiContract#findings}, refused whole with the reason), entered into the record
 * ({@link AiRecords}: data of the study's facility under its source patient, marked AI) and the work item DONE, in one
 * transaction with one audit row by the service. A wrong token, another work item's or another service's, an unknown
 * work item, or one neither SENT nor DONE answers as not found after one DENY audit row; a DONE work item's findings
 * posted again are entered again under the same ids.
 */
public final class AiCallbacks {

    private final AiServices services;
    private final AiWorkItems items;
    private final AiLinks links;
    private final AiRecords records;
    private final AiContext context;

    public AiCallbacks(AiServices services, AiWorkItems items, AiLinks links, AiRecords records, AiContext context) {
        this.services = services;
        this.items = items;
        this.links = links;
        this.records = records;
        this.context = context;
    }

    /** What came of a post. */
    public sealed interface Outcome permits Entered, Refused, Missing {
    }

    /** Entered: the report's id. */
    public record Entered(String reportId) implements Outcome {
    }

    /** Findings not taken, and why (sent back with 422). */
    public record Refused(String reason) implements Outcome {
    }

    /** No such work item for this token (404, like one that does not exist). */
    public record Missing() implements Outcome {
    }

    /** Takes the findings {@code body} posted for work item {@code id} with bearer token {@code token}. */
    public Outcome take(long id, String token, byte[] body) {
        AiWorkItem item = items.find(id).orElse(null);
        AiService service = item == null ? null : services.find(item.serviceId()).orElse(null);
        IndexedStudy study = service == null ? null : context.studies().find(item.studyUid()).orElse(null);
        if (study == null || !links.tokens().callbackAccepted(token, id, service.id())
                || item.state() != WorkState.SENT && item.state() != WorkState.DONE) {
            context.audit().record(AuditEntry.of(AuditAction.CREATE, org.musubi.audit.Outcome.DENY)
                    .on("DiagnosticReport", AiRecords.reportId(id)).purpose(Purpose.TREATMENT)
                    .reason(ReadRecords.NOT_FOUND).by(AiPixels.UNKNOWN));
            return new Missing();
        }
        AiContract.Findings findings;
        try {
            findings = AiContract.findings(body);
            if (findings.workItemId() != id) {
                throw new AiContract.Refused("workItemId: must be the work item of the callback's address");
            }
        } catch (AiContract.Refused refused) {
            context.audit(AuditAction.CREATE, org.musubi.audit.Outcome.DENY, study, "ai.findings refused #" + id + ": "
                    + refused.getMessage(), AiContext.service(service));
            return new Refused(refused.getMessage());
        }
        Instant now = context.clock().instant();
        String reportId = AiRecords.reportId(id);
        records.enter(findings, item, service, study, () -> {
            if (item.state() == WorkState.SENT) {
                items.step(item.moved(WorkState.DONE, item.attempts(), null, item.sentAt(), reportId, null),
                        WorkState.SENT, now);
            }
        });
        return new Entered(reportId);
    }
}
