package org.musubi.imaging.ai;

import java.time.Instant;
import java.util.List;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Outcome;
import org.musubi.imaging.studies.IndexedStudy;

/**
 * Musubi's side of the work items, one run at a time ({@link AiTimer}): the automatic scan (each enabled automatic
 * service's new studies of its kinds queued, its mark advanced), the work items waiting too long for findings FAILED,
 * and the due ones sent ({@link AiLinks#send}: SENT, QUEUED again with backoff, or FAILED). Each step of a work item is
 * audited once, by the system; a retry is not a step (its error is kept for the operators). Nothing is queued or sent
 * on a read-only standby.
 */
public final class AiDispatch {

    /** The most work items one run sends, and the most new studies one scan queues per service. */
    public static final int BATCH = 100;

    private final AiServices services;
    private final AiWorkItems items;
    private final AiLinks links;
    private final AiContext context;

    public AiDispatch(AiServices services, AiWorkItems items, AiLinks links, AiContext context) {
        this.services = services;
        this.items = items;
        this.links = links;
        this.context = context;
    }

    /** One run: scan, time out, send. */
    public void run() {
        if (context.readOnly().getAsBoolean()) {
            return;
        }
        scan();
        expire();
        send();
    }

    /** Queues each automatic service's studies indexed since its mark, and advances the mark. */
    void scan() {
        Instant now = context.clock().instant();
        for (AiService service : services.all()) {
            if (!service.enabled() || !service.automatic()) {
                continue;
            }
            if (service.lastSeenIndexedAt() == null) {
                services.advance(service.id(), now);
                continue;
            }
            List<AiWorkItems.Indexed> found = items.indexedSince(service, BATCH);
            for (AiWorkItems.Indexed indexed : found) {
                context.studies().find(indexed.studyUid()).ifPresent(study -> context.audit().allOrNothing(() -> {
                    AiWorkItem item = items.queue(service.id(), study.studyUid(), null, now);
                    context.audit(AuditAction.CREATE, Outcome.PERMIT, study, "ai.queued #" + item.id() + " "
                            + service.name() + " (automatic)", AiContext.SYSTEM);
                    return item;
                }));
            }
            if (!found.isEmpty()) {
                services.advance(service.id(), found.getLast().indexedAt());
            }
        }
    }

    /** Fails the work items sent and without findings for {@link AiWorkItem#FINDINGS_TIMEOUT}. */
    void expire() {
        Instant now = context.clock().instant();
        for (AiWorkItem item : items.sentBefore(now.minus(AiWorkItem.FINDINGS_TIMEOUT), BATCH)) {
            fail(item, item.attempts(), "no findings in time", now);
        }
    }

    /** Sends the due work items. */
    void send() {
        Instant now = context.clock().instant();
        for (AiWorkItem item : items.due(now, BATCH)) {
            AiService service = services.find(item.serviceId()).orElse(null);
            IndexedStudy study = context.studies().find(item.studyUid()).orElse(null);
            if (service == null || !service.enabled() || study == null) {
                fail(item, item.attempts(), service == null || !service.enabled() ? "the service is disabled"
                        : "the study is no longer indexed", now);
                continue;
            }
            AiSender.Step step = links.send(service, item, study.modality(), now);
            switch (step.state()) {
                case SENT -> context.audit().allOrNothing(() -> {
                    if (items.step(item.moved(WorkState.SENT, item.attempts(), null, now, null, null), WorkState.QUEUED,
                            now)) {
                        context.audit(AuditAction.UPDATE, Outcome.PERMIT, study, "ai.sent #" + item.id() + " "
                                + service.name(), AiContext.SYSTEM);
                    }
                    return null;
                });
                case QUEUED -> items.step(item.moved(WorkState.QUEUED, item.attempts() + 1, step.retryAt(), null, null,
                        step.error()), WorkState.QUEUED, now);
                default -> fail(item, item.attempts() + 1, step.error(), now);
            }
        }
    }

    private void fail(AiWorkItem item, int attempts, String error, Instant now) {
        IndexedStudy study = context.studies().find(item.studyUid()).orElse(null);
        context.audit().allOrNothing(() -> {
            if (items.step(item.moved(WorkState.FAILED, attempts, null, item.sentAt(), null, error), item.state(), now)
                    && study != null) {
                context.audit(AuditAction.UPDATE, Outcome.PERMIT, study, "ai.failed #" + item.id() + ": " + error,
                        AiContext.SYSTEM);
            }
            return null;
        });
    }
}
