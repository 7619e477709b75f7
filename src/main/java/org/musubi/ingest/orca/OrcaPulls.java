package org.musubi.ingest.orca;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.database.Standby;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.RunImport;
import org.musubi.security.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connectors' pulls: window after window from the day after the connector's cursor to today (Japan's date), at
 * most {@link #WINDOW_DAYS} days each, each window one import batch of the facility's ORCA source (named
 * {@code orca}), run as the facility's system under the source's job lock ({@link ImportQueue}), so one node pulls a
 * connector at a time. The cursor moves only after a window's batch finished, and never past yesterday: today is pulled
 * again next time (what ORCA still changes today comes then; what came already changes nothing). A failure (ORCA's, or
 * the batch's) is kept on the connector and the window is pulled again at the next tick. A read-only standby pulls
 * nothing.
 */
public final class OrcaPulls {

    /** The purpose the password is sealed under. */
    public static final String PASSWORD_PURPOSE = "orca-password";
    static final int WINDOW_DAYS = 7;
    private static final int MOST_WINDOWS = 60;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Logger log = LoggerFactory.getLogger(OrcaPulls.class);
    private final OrcaConnectors connectors;
    private final ImportSources sources;
    private final ImportQueue queue;
    private final SecretBox box;
    private final Standby standby;
    private final HttpClient http;

    /** {@code http}: the client of {@code OrcaClient.http}, which reaches only addresses the operator allows. */
    public OrcaPulls(OrcaConnectors connectors, ImportSources sources, ImportQueue queue, SecretBox box, Standby standby,
                     HttpClient http) {
        this.http = http;
        this.connectors = connectors;
        this.sources = sources;
        this.queue = queue;
        this.box = box;
        this.standby = standby;
    }

    /** The scheduler's tick: every enabled connector whose interval has passed. */
    public void runDue() {
        if (standby.readOnly()) {
            return;
        }
        Instant now = Instant.now();
        for (OrcaConnector c : connectors.all()) {
            if (c.due(now)) {
                try {
                    pull(c.id(), null, BatchOrigin.WATCH);
                } catch (RuntimeException e) {
                    log.warn("ORCA connector {} of facility {}: {}", c.id(), c.facilityId(), e.getClass().getSimpleName());
                }
            }
        }
    }

    /**
     * Pulls a connector up to today; returns the batches it ran. Stops at the first failure, which it keeps on the
     * connector (and returns what ran before it); stops when another node is pulling it.
     */
    public List<ImportBatch> pull(long connectorId, Long userId, BatchOrigin origin) {
        standby.refuseWrites();
        List<ImportBatch> batches = new java.util.ArrayList<>();
        for (int i = 0; i < MOST_WINDOWS; i++) {
            OrcaConnector c = connectors.find(connectorId).orElseThrow();
            LocalDate today = LocalDate.now(JAPAN);
            LocalDate from = c.pulledThrough().plusDays(1);
            if (from.isAfter(today)) {
                connectors.pulled(c.id(), c.pulledThrough(), Instant.now());
                break;
            }
            LocalDate to = from.plusDays(WINDOW_DAYS - 1).isAfter(today) ? today : from.plusDays(WINDOW_DAYS - 1);
            ImportSource source = sources.findOrCreate(c.facilityId(), ImportKind.ORCA, "orca", null);
            Optional<ImportBatch> batch;
            try {
                batch = queue.runUnlessBusyElsewhere(source,
                        () -> connectors.find(connectorId).map(now -> now.pulledThrough().equals(c.pulledThrough())).orElse(false),
                        () -> files(c, from, to),
                        new RunImport.Runner(userId, new Actor(userId, "system:orca", c.facilityId(), null), origin),
                        ImportProgress.NONE);
            } catch (RuntimeException e) {
                connectors.failed(c.id(), e instanceof OrcaFailure ? e.getMessage()
                        : "取り込みに失敗しました / the import failed: " + e.getClass().getSimpleName(), Instant.now());
                throw e;
            }
            if (batch.isEmpty()) {
                break;
            }
            batches.add(batch.get());
            if (batch.get().status() != BatchStatus.DONE) {
                connectors.failed(c.id(), "取り込みが終わりませんでした / the batch did not finish: " + batch.get().status(),
                        Instant.now());
                break;
            }
            LocalDate through = to.equals(today) ? today.minusDays(1) : to;
            connectors.pulled(c.id(), through.isBefore(c.pulledThrough()) ? c.pulledThrough() : through, Instant.now());
            if (to.equals(today)) {
                break;
            }
        }
        return batches;
    }

    private java.util.Iterator<IncomingFile> files(OrcaConnector c, LocalDate from, LocalDate to) {
        OrcaClient client = new OrcaClient(http, c.baseUrl(), c.username(), box.open(PASSWORD_PURPOSE, c.passwordSealed()));
        return OrcaPull.window(client, from, to).iterator();
    }

    /**
     * Ends the shared HTTP client with the server (Spring calls it when the context closes): its worker threads would
     * otherwise outlive the context and keep it from being collected.
     */
    public void close() {
        http.shutdownNow();
    }
}
