package org.musubi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.musubi.audit.Actor;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.batch.MappingContexts;
import org.musubi.ingest.chunk.Chunk;
import org.musubi.ingest.chunk.ImportChunks;
import org.musubi.ingest.chunk.Preparation;
import org.musubi.ingest.chunk.ReadFile;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.KnownFile;
import org.musubi.ingest.readers.SourceReaders;

/**
 * One batch of a source: reads the files offered (skipping those delivered before and unchanged),
 * maps them with the source's adapter, and stores them chunk by chunk, each chunk one transaction
 * with its checkpoint, so that a batch stopped at any moment is continued by running it again: what
 * was committed is skipped, the rest is done, nothing twice.
 */
public final class RunImport {

    /** Records per chunk (one transaction). */
    static final int CHUNK_RECORDS = 2_000;
    /** Files looked up in the ledger at once. */
    private static final int LOOKUP = 500;
    /** Chunks of a batch stored at once, on connections of their own, when they have no patient in common. */
    static final int STORING = 2;
    /** Files up to this size (every SS-MIX2 message, every medication notebook) are read from disk once. */
    static final long READ_WHOLE_MAX = 1 << 20;
    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunImport.class);

    /** Files read ahead of the chunk being stored, per reading thread. */
    private static final int AHEAD_PER_THREAD = 1_500;
    /**
     * Bytes of source files read ahead at most, whatever their number. A file's prepared resources take
     * tens of times its size in memory (HAPI's model, the JSON as Java strings, the index): a medication
     * notebook of 15 KB becomes several hundred KB. Bounded by files alone, a pharmacy's 1,300 notebooks
     * were all read ahead, and 700–770 MB of a 1 GB heap stayed live through young collections; with this
     * bound 520–560 MB (bench/README.md). About 700 SS-MIX2 messages.
     */
    static final long AHEAD_BYTES = 1 << 20;
    private final ImportLedger ledger;
    private final SourceReaders readers;
    private final MappingContexts contexts;
    private final ImportChunks chunks;
    private final ExecutorService reading;
    /** Stores each batch's chunks, up to {@link #STORING} at a time per batch, while its files go on being read. */
    private final ExecutorService storing = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("import-store-", 0).daemon().factory());
    private final int threads;

    RunImport(ImportLedger ledger, SourceReaders readers, MappingContexts contexts, ImportChunks chunks) {
        this.ledger = ledger;
        this.readers = readers;
        this.contexts = contexts;
        this.chunks = chunks;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.reading = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("import-read-", 0).daemon().factory());
    }

    /** Who runs a batch: the user (null for the command line or the watcher) and who the audit names. */
    public record Runner(Long userId, Actor actor, BatchOrigin origin) {
    }

    /** Imports {@code files} into {@code source}; returns the finished batch. Failures end the batch as FAILED and are thrown. */
    public ImportBatch run(ImportSource source, Iterator<IncomingFile> files, Runner runner, ImportProgress progress) {
        long batchId = ledger.startBatch(source.id(), runner.origin(), runner.userId());
        Batch batchInProgress = null;
        try {
            MappingContext context = contexts.of(source);
            SourceReader reader = readers.of(source).orElseThrow(() -> new IllegalStateException(
                    TEXTS.problem(Location.file(source.name()), "ingest.noReader", source.kind()).english()));
            Batch batch = new Batch(batchId, source, runner, context, reader, progress);
            batchInProgress = batch;
            while (files.hasNext()) {
                List<IncomingFile> next = new ArrayList<>(LOOKUP);
                while (files.hasNext() && next.size() < LOOKUP) {
                    next.add(files.next());
                }
                batch.take(next);
            }
            batch.drain(0);
            batch.flush();
            batch.stored();
            ledger.finishBatch(batchId, BatchStatus.DONE, null);
        } catch (RuntimeException e) {
            if (batchInProgress != null) {
                batchInProgress.abandon();
            }
            ledger.finishBatch(batchId, BatchStatus.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
        return ledger.batch(batchId).orElseThrow();
    }

    /** A batch in progress: the current chunk and the counters so far. */
    private final class Batch {
        final long id;
        final ImportSource source;
        final Runner runner;
        final MappingContext context;
        final SourceReader reader;
        final ImportProgress progress;
        final List<ReadFile> pending = new ArrayList<>();
        int pendingRecords;
        BatchCounts skipped = BatchCounts.ZERO;
        BatchCounts total = BatchCounts.ZERO;
        /** Chunks being stored on storing threads, oldest first: at most {@link #STORING}, no patient in two. */
        final java.util.ArrayDeque<Storing> inFlight = new java.util.ArrayDeque<>();
        /**
         * Directory resources known to be stored, by the id their content gives: the id the batch's records refer to
         * them by (see {@link Chunk}). A chunk does not look them up again.
         */
        final Map<String, String> directory = new java.util.concurrent.ConcurrentHashMap<>();
        /** The last file of those read one after another ({@link SourceReader#readsInOrder}). */
        java.util.concurrent.CompletableFuture<Read> ordered = java.util.concurrent.CompletableFuture.completedFuture(null);

        Batch(long id, ImportSource source, Runner runner, MappingContext context, SourceReader reader,
              ImportProgress progress) {
            this.id = id;
            this.source = source;
            this.runner = runner;
            this.context = context;
            this.reader = reader;
            this.progress = progress;
        }

        /** Files being read (by the reading threads), in the order they were offered, and their bytes in all. */
        final java.util.ArrayDeque<Reading> ahead = new java.util.ArrayDeque<>();
        long aheadBytes;

        void take(List<IncomingFile> files) {
            Map<String, KnownFile> known = ledger.knownFiles(source.id(), files.stream().map(IncomingFile::name).toList());
            for (IncomingFile file : files) {
                KnownFile before = known.get(file.name());
                if (before != null && before.sameAs(file)) {
                    skipped = skipped.plus(BatchCounts.skippedFile());
                    continue;
                }
                Future<Read> task;
                if (file.refused() == null && reader.readsInOrder(file.file())) {
                    ordered = ordered.handleAsync((previous, failure) -> read(file, before), reading);
                    task = ordered;
                } else {
                    task = reading.submit(() -> read(file, before));
                }
                ahead.add(new Reading(task, Math.max(0, file.file().size())));
                aheadBytes += ahead.getLast().size();
                drain(threads * AHEAD_PER_THREAD);
            }
            if (pending.isEmpty()) {
                flushSkipped();
            }
        }

        /**
         * Takes read files in order until at most {@code keep} are still being read and their sizes add up
         * to at most {@link #AHEAD_BYTES} (a single larger file is still read).
         */
        void drain(int keep) {
            while (ahead.size() > keep || ahead.size() > 1 && aheadBytes > AHEAD_BYTES) {
                Reading next = ahead.poll();
                aheadBytes -= next.size();
                Read read = await(next.read());
                if (read.before() != null && read.before().sameContent(read.file().hash())
                        || source.kind().sameContentSameFile() && ledger.knownContent(source.id(), read.file().hash())) {
                    skipped = skipped.plus(BatchCounts.skippedFile());
                    continue;
                }
                pending.add(read.file());
                pendingRecords += read.file().results().size();
                if (pendingRecords >= CHUNK_RECORDS) {
                    flush(false);
                }
            }
        }

        /** Hands every pending file to a storing thread (at the end of the batch). */
        void flush() {
            flush(true);
        }

        /**
         * Hands pending files to a storing thread as one chunk; the files after them are read meanwhile.
         * Unless {@code all}, the files of the last patient read stay pending for the next chunk, so that
         * a patient's records are rarely split between two chunks. A chunk is stored beside the one
         * before it when no patient is in both (each on its own connection and transaction); otherwise it
         * waits for it, so the records of a patient are applied in the order they were read. Progress
         * counts a chunk only once it is committed.
         */
        void flush(boolean all) {
            flushSkipped();
            if (pending.isEmpty()) {
                return;
            }
            int end = all ? pending.size() : lastPatientStart();
            List<ReadFile> files = List.copyOf(pending.subList(0, end));
            pending.subList(0, end).clear();
            pendingRecords = pending.stream().mapToInt(f -> f.results().size()).sum();
            java.util.Set<String> patients = patientsOf(files);
            while (!inFlight.isEmpty() && (inFlight.size() >= STORING
                    || inFlight.stream().anyMatch(s -> !java.util.Collections.disjoint(s.patients(), patients)))) {
                storedOldest();
            }
            Chunk chunk = new Chunk(id, source.id(), context.ids(), runner.userId(), files, directory);
            inFlight.add(new Storing(storing.submit(() -> chunks.store(chunk, runner.actor(), source.kind().name())), patients));
        }

        /** Where the pending files of the last patient read begin (all of them: the end). */
        private int lastPatientStart() {
            java.util.Set<String> last = patientsOf(List.of(pending.getLast()));
            if (last.isEmpty()) {
                return pending.size();
            }
            int start = pending.size() - 1;
            while (start > 0 && !java.util.Collections.disjoint(patientsOf(List.of(pending.get(start - 1))), last)) {
                start--;
            }
            return start == 0 ? pending.size() : start;
        }

        /** Waits for every chunk being stored and counts them; a failure is this batch's. */
        void stored() {
            while (!inFlight.isEmpty()) {
                storedOldest();
            }
        }

        private void storedOldest() {
            Future<BatchCounts> chunk = inFlight.poll().counts();
            total = total.plus(await(chunk));
            progress.update(total);
        }

        /** After a failure: lets the chunks being stored finish (committed or not) before the batch is marked failed. */
        void abandon() {
            for (Storing chunk : inFlight) {
                try {
                    chunk.counts().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    LOG.debug("A chunk being stored failed too", e.getCause());
                }
            }
            inFlight.clear();
        }

        private void flushSkipped() {
            if (skipped.filesSeen() > 0) {
                ledger.count(id, skipped);
                total = total.plus(skipped);
                skipped = BatchCounts.ZERO;
                progress.update(total);
            }
        }

        /**
         * On a reading thread: the file's hash, the adapter's results and their prepared resources. A file
         * of at most {@link #READ_WHOLE_MAX} bytes is read once, hashed and handed to the adapter from
         * memory, so the hash is always of the very bytes the adapter read; a larger one is read twice.
         */
        private Read read(IncomingFile file, KnownFile before) {
            SourceFile content = file.file();
            byte[] hash;
            if (file.refused() == null && content.size() >= 0 && content.size() <= READ_WHOLE_MAX) {
                byte[] bytes = readAll(content);
                hash = sha256(bytes);
                content = SourceFile.held(content.name(), bytes);
            } else {
                hash = hash(content);
            }
            List<ParseResult> results = results(file, content);
            List<Preparation.PreparedRecord> prepared = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) instanceof ParseResult.Parsed p) {
                    prepared.add(chunks.preparation().prepare(p));
                    results.set(i, p.withoutResources());
                } else {
                    prepared.add(null);
                }
            }
            return new Read(new ReadFile(file, hash, results, prepared), before);
        }

        /** The adapter's results; an adapter that fails (it must not) rejects just this file. */
        private List<ParseResult> results(IncomingFile file, SourceFile content) {
            List<ParseResult> results = new ArrayList<>();
            if (file.refused() != null) {
                results.add(new ParseResult.Rejected(file.refused(), null));
                return results;
            }
            try {
                reader.read(content, context, results::add);
            } catch (RuntimeException e) {
                LOG.warn("The {} adapter failed on a file of source {}: {}", source.kind(), source.id(), e.getClass().getName());
                LOG.debug("Adapter failure", e);
                results.clear();
                results.add(new ParseResult.Rejected(TEXTS.problem(Location.file(file.name()), "ingest.adapterFailure",
                        e.getClass().getSimpleName()), null));
            }
            return results;
        }
    }

    /** A file being read on a reading thread, and its size. */
    private record Reading(Future<Read> read, long size) {
    }

    /** A chunk being stored: its counts once committed, and the source's patients in it. */
    private record Storing(Future<BatchCounts> counts, java.util.Set<String> patients) {
    }

    /** The source's local ids of the patients of the files' records. */
    private static java.util.Set<String> patientsOf(List<ReadFile> files) {
        java.util.Set<String> patients = new java.util.HashSet<>();
        for (ReadFile file : files) {
            for (ParseResult result : file.results()) {
                if (result instanceof ParseResult.Parsed parsed) {
                    patients.add(parsed.patient().localId());
                }
            }
        }
        return patients;
    }

    /** A file read on a reading thread, with what the ledger knew of it. */
    private record Read(ReadFile file, KnownFile before) {
    }

    /** The task's result; its failure is rethrown, so that the batch ends as FAILED (an error wrapped). */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static byte[] readAll(SourceFile file) {
        try (InputStream in = file.content().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hash(SourceFile file) {
        try (InputStream in = new DigestInputStream(file.content().open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file that could not be read fails the batch, naming the file. */
    private static java.io.UncheckedIOException unreadable(SourceFile file, IOException e) {
        return new java.io.UncheckedIOException(TEXTS.problem(Location.file(file.name()), "ingest.unreadable",
                e.getMessage()).english(), e);
    }
}
