package org.musubi.research.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.research.ResearchDesk;
import org.musubi.research.ResearchProject;
import org.musubi.research.ReleaseScope;
import org.musubi.research.Researcher;

/**
 * Extractions as their users see them. A named user of an approved project within its period, or an operator (the
 * committee), starts one; only the project's named users open an extraction's page and download its files, until
 * they expire or the project ends. To anyone else — another researcher, another project's user, an operator who is not
 * named, a guessed id, an extraction of another project, an expired one — it answers {@link ResearchDesk.NotFound},
 * exactly as something that does not exist, with a {@code DENY} audit row. Each page read and each download is one
 * audit row on {@value #TYPE}; the extraction itself is audited once when it runs
 * ({@link org.musubi.record.ReadRecords#released}).
 */
public final class ExtractionDesk {

    public static final String TYPE = "ResearchExtraction";

    private final ResearchDesk desk;
    private final Extractions extractions;
    private final ExtractionFiles files;
    private final Audit audit;
    private final Standby standby;
    private final ExtractionSettings settings;

    public ExtractionDesk(ResearchDesk desk, Extractions extractions, ExtractionFiles files, Audit audit,
                          Standby standby, ExtractionSettings settings) {
        this.desk = desk;
        this.extractions = extractions;
        this.files = files;
        this.audit = audit;
        this.standby = standby;
        this.settings = settings;
    }

    /** A file to send: its content (to be closed) and what it is. */
    public record Download(InputStream content, Extraction.File file) {
    }

    /**
     * Starts an extraction of the project: queued, run in the background. Refused on a read-only standby; a project
     * the user may not extract answers {@link ResearchDesk.NotFound} (audited).
     */
    public long start(Researcher who, long projectId) {
        if (standby.readOnly()) {
            throw new ReadOnlyStandbyException();
        }
        Optional<ResearchProject> project = open(who, projectId);
        if (project.isEmpty() || !(who.staff() || who.operator())) {
            audit.record(AuditEntry.of(AuditAction.EXPORT, Outcome.DENY).on(ResearchDesk.TYPE, projectId)
                    .purpose(Purpose.RESEARCH).reason("not a named user of an approved project, or no such project"));
            throw new ResearchDesk.NotFound();
        }
        // the project's own k (its de-identification configuration, set by the committee), never below the network's
        return extractions.queue(projectId, who.userId(), ReleaseScope.k(project.get(), settings.kThreshold()));
    }

    /**
     * The project's extractions the user may see (for the project's page, whose read is audited already); an operator
     * who is not named sees them listed, without their pages.
     */
    public List<Extraction> list(Researcher who, ResearchProject project) {
        if (open(who, project.id()).isEmpty()) {
            return List.of();
        }
        Instant now = desk.now();
        return extractions.ofProject(project.id()).stream().filter(e -> shown(e, now)).toList();
    }

    /** One extraction's page: audited (READ, or a DENY answered like one that does not exist). */
    public Extraction read(Researcher who, long projectId, long extractionId) {
        Optional<Extraction> extraction = find(who, projectId, extractionId).filter(e -> shown(e, desk.now()));
        audit.record(entry(AuditAction.READ, extraction.isPresent(), extractionId)
                .reason(extraction.isPresent() ? null : "not a named user of the project, or no such extraction"));
        return extraction.orElseThrow(ResearchDesk.NotFound::new);
    }

    /** A file of an extraction that may be downloaded now; one audit row (EXPORT, or DENY answered as not found). */
    public Download download(Researcher who, long projectId, long extractionId, String name) throws IOException {
        Optional<Extraction.File> file = find(who, projectId, extractionId).filter(e -> e.downloadable(desk.now()))
                .flatMap(e -> e.file(name));
        Optional<InputStream> content = file.isPresent() ? files.open(file.get()) : Optional.empty();
        audit.record(entry(AuditAction.EXPORT, content.isPresent(), extractionId)
                .reason(content.isPresent() ? file.get().name() + " (" + file.get().size() + " bytes)"
                        : "not a named user of the project, no such file, or expired"));
        return new Download(content.orElseThrow(ResearchDesk.NotFound::new), file.get());
    }

    /** The network's minimum k: every extraction reaches at least this, or its project's own k if higher. */
    public int kThreshold() {
        return settings.kThreshold();
    }

    private Optional<ResearchProject> open(Researcher who, long projectId) {
        return desk.visible(who, projectId).filter(p -> p.countable(desk.today()));
    }

    /** The extraction for a named user of its project (an operator who is not named gets nothing). */
    private Optional<Extraction> find(Researcher who, long projectId, long extractionId) {
        if (open(who, projectId).filter(p -> p.names(who.userId())).isEmpty()) {
            return Optional.empty();
        }
        return extractions.find(extractionId).filter(e -> e.projectId() == projectId);
    }

    /** Shown: not DONE yet (or failed), or DONE with its files still there. */
    private static boolean shown(Extraction e, Instant now) {
        return e.state() != ExtractionState.DONE || e.downloadable(now);
    }

    private static AuditEntry entry(AuditAction action, boolean permitted, long extractionId) {
        return AuditEntry.of(action, permitted ? Outcome.PERMIT : Outcome.DENY).on(TYPE, extractionId)
                .purpose(Purpose.RESEARCH);
    }
}
