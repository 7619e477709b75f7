package org.musubi.research;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.policy.DataCategory;
import org.musubi.research.extraction.Extraction;
import org.musubi.research.extraction.ExtractionDesk;
import org.musubi.research.extraction.ExtractionFiles;
import org.musubi.research.extraction.ExtractionState;
import org.musubi.research.extraction.Extractions;

/**
 * An approved project's de-identified extraction as a FHIR Bulk Data export of the Group {@code research-<project>}
 * (issue 48, item 4): the project's cohort, for the project's named users (staff) while it is approved and its period
 * runs. A kick-off starts an extraction through {@link ExtractionDesk#start} — the same queue, job, research door and
 * de-identification as the project's page — or joins the caller's own extraction of the project still queued or running.
 * Only the user who started it sees it (its status, its files, its cancellation): to anyone else, an id nobody has and
 * a cancelled or expired extraction, it answers as unknown. Each call leaves exactly one audit row on
 * {@value ExtractionDesk#TYPE}: the kick-off a {@code CREATE} (started or joined; the release itself is the door's one
 * {@code EXPORT} row on the project when the job runs), a status a {@code READ}, a file an {@code EXPORT}
 * ({@link ExtractionDesk#read}, {@link ExtractionDesk#download}), a cancellation a {@code DELETE}, a refusal a
 * {@code DENY}.
 */
public final class BulkExtractions {

    /** The prefix of a research Group's id: {@code research-<project id>}. */
    public static final String GROUP_PREFIX = "research-";
    /** What a cancelled extraction records as its error. */
    public static final String CANCELLED = "cancelled";

    private final ResearchDesk desk;
    private final ExtractionDesk extractionDesk;
    private final Extractions extractions;
    private final ExtractionFiles files;
    private final Audit audit;

    public BulkExtractions(ResearchDesk desk, ExtractionDesk extractionDesk, Extractions extractions,
                           ExtractionFiles files, Audit audit) {
        this.desk = desk;
        this.extractionDesk = extractionDesk;
        this.extractions = extractions;
        this.files = files;
        this.audit = audit;
    }

    /** The project a Group id names ({@code research-<digits>}), or empty. */
    public static Optional<Long> project(String groupId) {
        if (groupId == null || !groupId.matches(GROUP_PREFIX + "[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(groupId.substring(GROUP_PREFIX.length())));
    }

    /**
     * The project's approved categories, when {@code who} (staff) is one of its named users and it is approved and
     * within its period; empty otherwise, as for a project that does not exist. Not audited: the caller audits its answer.
     */
    public Optional<Set<DataCategory>> exportable(Researcher who, long projectId) {
        return desk.visible(who, projectId).filter(p -> who.staff() && p.names(who.userId()) && p.countable(desk.today()))
                .map(p -> p.approved() == null ? Set.<DataCategory>of()
                        : p.approved().categories().stream().map(DataCategory::valueOf).collect(Collectors.toSet()));
    }

    /** A kick-off's extraction: its id, and whether it joined one already queued or running. */
    public record Started(long extractionId, boolean joined) {
    }

    /**
     * Starts an extraction of the project for {@code who}, or joins their own one still queued or running; one audit
     * row ({@code CREATE}, naming {@code request}). A project {@code who} may not extract (checked again by the desk)
     * throws {@link ResearchDesk.NotFound}, audited by the desk.
     */
    public Started start(Researcher who, long projectId, String request) {
        Optional<Extraction> running = extractions.ofProject(projectId).stream()
                .filter(e -> e.requestedBy() == who.userId() && !CANCELLED.equals(e.error())
                        && (e.state() == ExtractionState.QUEUED || e.state() == ExtractionState.RUNNING))
                .findFirst();
        long id = running.isPresent() ? running.get().id() : extractionDesk.start(who, projectId);
        audit.record(entry(AuditAction.CREATE, Outcome.PERMIT, id).reason("FHIR $export of Group " + GROUP_PREFIX
                + projectId + ": extraction " + id + (running.isPresent() ? " joined" : " started") + "; "
                + (request == null || request.length() <= 500 ? request : request.substring(0, 500))));
        return new Started(id, running.isPresent());
    }

    /** Where an export stands, for its owner. */
    public sealed interface Status {
    }

    /** Queued ({@code started} false) or running. */
    public record Waiting(boolean started) implements Status {
    }

    /** Done: its project, when it read the record, and its NDJSON files (the report is on the project's page). */
    public record Ready(long projectId, Instant transactionTime, List<Output> outputs) implements Status {
    }

    /** Failed: the kind of failure (never patient data). */
    public record Failed(String error) implements Status {
    }

    /** Not the caller's, cancelled, expired, or no such extraction. */
    public record Unknown() implements Status {
    }

    /** One NDJSON file: its resource type and how many resources it holds. */
    public record Output(String type, long count) {
    }

    /** A file opened for download (to be closed) and its size. */
    public record Opened(InputStream content, long bytes) {
    }

    /** The status of extraction {@code extractionId} for {@code who}; one audit row (READ, or DENY). */
    public Status status(Researcher who, long extractionId) {
        Optional<Extraction> owned = owned(who, extractionId, AuditAction.READ);
        if (owned.isEmpty()) {
            return new Unknown();
        }
        Extraction e;
        try {
            e = extractionDesk.read(who, owned.get().projectId(), extractionId);
        } catch (ResearchDesk.NotFound notFound) {
            return new Unknown();
        }
        return switch (e.state()) {
            case QUEUED, RUNNING -> new Waiting(e.state() == ExtractionState.RUNNING);
            case FAILED -> new Failed(e.error());
            case DONE -> new Ready(e.projectId(), e.startedAt() == null ? e.createdAt() : e.startedAt(), e.files().stream()
                    .filter(f -> f.name().endsWith(".ndjson"))
                    .map(f -> new Output(f.name().substring(0, f.name().length() - ".ndjson".length()), f.resources()))
                    .toList());
        };
    }

    /** The NDJSON file of {@code type}, while it may be downloaded; one audit row (the desk's EXPORT, or DENY). */
    public Optional<Opened> file(Researcher who, long extractionId, String type) throws IOException {
        Optional<Extraction> owned = owned(who, extractionId, AuditAction.EXPORT);
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        try {
            ExtractionDesk.Download download = extractionDesk.download(who, owned.get().projectId(), extractionId,
                    type + ".ndjson");
            return Optional.of(new Opened(download.content(), download.file().size()));
        } catch (ResearchDesk.NotFound notFound) {
            return Optional.empty();
        }
    }

    /**
     * Cancels the caller's extraction: a queued one never runs, a running one ends expired (its files swept), a done
     * one's files are deleted now; afterwards it answers as unknown. False (audited DENY) when it is not the caller's.
     */
    public boolean cancel(Researcher who, long extractionId) throws IOException {
        Optional<Extraction> owned = owned(who, extractionId, AuditAction.DELETE)
                .filter(e -> exportable(who, e.projectId()).isPresent() || denied(AuditAction.DELETE, extractionId));
        if (owned.isEmpty()) {
            return false;
        }
        extractions.cancel(extractionId);
        if (owned.get().state() == ExtractionState.DONE && owned.get().filesDeletedAt() == null) {
            files.delete(owned.get());
            extractions.filesDeleted(extractionId, desk.now());
        }
        audit.record(entry(AuditAction.DELETE, Outcome.PERMIT, extractionId).reason("FHIR $export cancelled"));
        return true;
    }

    /** The caller's own extraction, not cancelled; else empty with one DENY row. */
    private Optional<Extraction> owned(Researcher who, long extractionId, AuditAction action) {
        Optional<Extraction> found = extractions.find(extractionId)
                .filter(e -> who.staff() && e.requestedBy() == who.userId() && !CANCELLED.equals(e.error()));
        if (found.isEmpty()) {
            denied(action, extractionId);
        }
        return found;
    }

    private boolean denied(AuditAction action, long extractionId) {
        audit.record(entry(action, Outcome.DENY, extractionId)
                .reason("not the caller's research export, cancelled, or no such extraction"));
        return false;
    }

    private static AuditEntry entry(AuditAction action, Outcome outcome, long extractionId) {
        return AuditEntry.of(action, outcome).on(ExtractionDesk.TYPE, extractionId).purpose(Purpose.RESEARCH);
    }
}
