package org.musubi.imaging.ai;

import java.util.Optional;
import java.util.OptionalLong;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.ReadRecords;

/**
 * The scoped DICOMweb route's decisions: a pixel token serves the one study of its work item, while the work item is
 * SENT and its service enabled, and not on a read-only standby (which cannot mark the work item's pixels read)
 * ({@link #allow}); anything else is refused, each refusal audited as DENY ({@link #refused}) and answered like a
 * study that does not exist. The first request that serves data for a work item records
 * the one READ of the study's ImagingStudy (by the service, {@code system:ai:<name>}) and marks the work item's pixels
 * read ({@link #served}); its later requests are not audited again.
 */
public final class AiPixels {

    /** Who a refusal names: the caller proved nothing. */
    static final Actor UNKNOWN = Actor.system("ai-pixels");

    private final AiServices services;
    private final AiWorkItems items;
    private final AiLinks links;
    private final AiContext context;

    public AiPixels(AiServices services, AiWorkItems items, AiLinks links, AiContext context) {
        this.services = services;
        this.items = items;
        this.links = links;
        this.context = context;
    }

    /** What a valid pixel token lets its holder read: the work item's study. */
    public record Allowed(AiWorkItem item, AiService service, IndexedStudy study) {
    }

    /** The study {@code studyUid} when {@code token} serves it now; empty after one DENY audit row otherwise. */
    public Optional<Allowed> allow(String token, String studyUid) {
        OptionalLong id = context.readOnly().getAsBoolean() ? OptionalLong.empty()
                : links.tokens().pixelWorkItem(token, studyUid, context.clock().instant());
        AiWorkItem item = id.isEmpty() ? null : items.find(id.getAsLong())
                .filter(i -> i.state() == WorkState.SENT && i.studyUid().equals(studyUid)).orElse(null);
        AiService service = item == null ? null : services.find(item.serviceId()).filter(AiService::enabled)
                .orElse(null);
        IndexedStudy study = service == null ? null : context.studies().find(studyUid).orElse(null);
        if (study == null) {
            refused(studyUid);
            return Optional.empty();
        }
        return Optional.of(new Allowed(item, service, study));
    }

    /** One DENY audit row for a refused request of study {@code studyUid}. */
    public void refused(String studyUid) {
        context.audit().record(AuditEntry.of(AuditAction.READ, Outcome.DENY)
                .on(AiContext.TYPE, IndexedStudy.isUid(studyUid) ? studyUid : "-").purpose(Purpose.TREATMENT)
                .reason(ReadRecords.NOT_FOUND).by(UNKNOWN));
    }

    /** Before the first data of a work item is served: its one READ audit row, once. */
    public void served(Allowed allowed) {
        context.audit().allOrNothing(() -> {
            if (items.pixelsRead(allowed.item().id())) {
                context.audit(AuditAction.READ, Outcome.PERMIT, allowed.study(), "ai.pixels #" + allowed.item().id(),
                        AiContext.service(allowed.service()));
            }
            return null;
        });
    }
}
