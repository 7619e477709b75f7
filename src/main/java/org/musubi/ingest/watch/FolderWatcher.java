package org.musubi.ingest.watch;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.musubi.audit.Actor;
import org.musubi.database.Standby;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.IngestProperties;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.KnownFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans the folders of watched sources (a drop folder, an SS-MIX2 storage) every interval and imports
 * what is new or changed; a file changed within the quiet period waits for the next scan. A scan that
 * finds nothing new starts no batch. Started once the application is ready ({@code WatchConfiguration}).
 * <p>
 * Several nodes may watch the same folders (issue 41): a source whose batch runs on another node is skipped until the
 * next scan ({@link ImportQueue#runUnlessBusyElsewhere}), and a scan that gets the source asks again, under its lock,
 * whether anything is new, so a file another node has just imported is neither imported again nor given an empty
 * batch. A batch left running by a node that died (its lock released with its connection) is continued by the next
 * scan of any node: what it committed is skipped, the rest imported.
 */
class FolderWatcher {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    private final ImportSources sources;
    private final ImportLedger ledger;
    private final ImportQueue queue;
    private final IngestProperties properties;
    private final Standby standby;
    private ScheduledExecutorService scheduler;
    private volatile boolean paused;

    FolderWatcher(ImportSources sources, ImportLedger ledger, ImportQueue queue, IngestProperties properties,
                  Standby standby) {
        this.standby = standby;
        this.sources = sources;
        this.ledger = ledger;
        this.queue = queue;
        this.properties = properties;
    }

    void start() {
        if (!properties.watch()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-watch").daemon().factory());
        long every = properties.watchInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scanAll, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One scan of every watched source (also called by tests); none while Musubi runs on a read-only standby. */
    void scanAll() {
        if (standby.readOnly()) {
            if (!paused) {
                log.warn("Read-only standby: the watched import folders are not scanned until the database takes writes");
            }
            paused = true;
            return;
        }
        if (paused) {
            log.info("The database takes writes again: the watched import folders are scanned");
            paused = false;
        }
        for (ImportSource source : sources.all()) {
            if (source.active() && source.watch() && source.location() != null) {
                try {
                    scan(source);
                } catch (RuntimeException e) {
                    log.warn("Watched import source {} could not be scanned: {}", source.id(), e.toString());
                }
            }
        }
    }

    private void scan(ImportSource source) {
        Instant settled = Instant.now().minus(properties.quietPeriod());
        if (!anythingNew(source, settled)) {
            return;
        }
        queue.runUnlessBusyElsewhere(source, () -> anythingNew(source, settled), () -> settledFiles(source, settled),
                new RunImport.Runner(null, Actor.system("import watch"), BatchOrigin.WATCH), ImportProgress.NONE);
    }

    private boolean anythingNew(ImportSource source, Instant settled) {
        Iterator<IncomingFile> files = settledFiles(source, settled);
        while (files.hasNext()) {
            List<IncomingFile> page = new ArrayList<>();
            while (files.hasNext() && page.size() < 500) {
                page.add(files.next());
            }
            Map<String, KnownFile> known = ledger.knownFiles(source.id(), page.stream().map(IncomingFile::name).toList());
            if (page.stream().anyMatch(f -> known.get(f.name()) == null
                    || f.modified() != null && !known.get(f.name()).sameAs(f))) {
                return true;
            }
        }
        return false;
    }

    private static Iterator<IncomingFile> settledFiles(ImportSource source, Instant settled) {
        Iterator<IncomingFile> all = FolderFiles.of(source.kind(), Path.of(source.location()));
        return new Iterator<>() {
            private IncomingFile next;

            @Override
            public boolean hasNext() {
                while (next == null && all.hasNext()) {
                    IncomingFile candidate = all.next();
                    if (candidate.modified() == null || candidate.modified().isBefore(settled)) {
                        next = candidate;
                    }
                }
                return next != null;
            }

            @Override
            public IncomingFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                IncomingFile file = next;
                next = null;
                return file;
            }
        };
    }
}
