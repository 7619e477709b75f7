package org.musubi.ingest.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.chunk.Chunk;
import org.musubi.ingest.chunk.ReadFile;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.ledger.KnownFile;

/**
 * A batch in progress: looks the offered files up in the ledger a few hundred at a time and skips those delivered
 * before and unchanged; has the others read ahead ({@link ReadAhead}), skips those whose content was delivered before,
 * gathers the rest into chunks ({@link PendingFiles}) and hands each chunk to the storing threads ({@link
 * ChunksInFlight}), counting as it goes ({@link BatchCounting}).
 */
public final class BatchRun {

    /** Files looked up in the ledger at once. */
    private static final int LOOKUP = 500;
    private final long id;
    private final ImportSource source;
    /** The user who started the batch; null for the command line or the watcher. */
    private final Long userId;
    private final MappingContext context;
    private final ImportLedger ledger;
    private final ReadAhead ahead;
    private final ChunksInFlight storing;
    private final BatchCounting counting;
    private final PendingFiles pending = new PendingFiles();
    /**
     * Directory resources known to be stored, by the id their content gives: the id the batch's records refer to
     * them by (see {@link Chunk}). A chunk does not look them up again.
     */
    private final Map<String, String> directory = new ConcurrentHashMap<>();

    BatchRun(long id, ImportSource source, Long userId, MappingContext context, ImportLedger ledger,
             ReadAhead ahead, ChunksInFlight storing, BatchCounting counting) {
        this.id = id;
        this.source = source;
        this.userId = userId;
        this.context = context;
        this.ledger = ledger;
        this.ahead = ahead;
        this.storing = storing;
        this.counting = counting;
    }

    /** Takes every file offered; the last of them may still be read or stored when it returns ({@link #finish}). */
    public void read(Iterator<IncomingFile> files) {
        while (files.hasNext()) {
            List<IncomingFile> next = new ArrayList<>(LOOKUP);
            while (files.hasNext() && next.size() < LOOKUP) {
                next.add(files.next());
            }
            take(next);
        }
    }

    /** Stores the files still read ahead or pending and waits for every chunk; a failure is this batch's. */
    public void finish() {
        drain(true);
        flush(true);
        storing.stored();
    }

    /** After a failure: lets the chunks being stored finish (committed or not) before the batch is marked failed. */
    public void abandon() {
        storing.abandon();
    }

    private void take(List<IncomingFile> files) {
        Map<String, KnownFile> known = ledger.knownFiles(source.id(), files.stream().map(IncomingFile::name).toList());
        for (IncomingFile file : files) {
            KnownFile before = known.get(file.name());
            if (before != null && before.sameAs(file)) {
                counting.skippedFile();
                continue;
            }
            ahead.start(file, before);
            drain(false);
        }
        if (pending.isEmpty()) {
            counting.flushSkipped();
        }
    }

    /** Takes read files in order as {@link ReadAhead#next} gives them: all of them when {@code all}. */
    private void drain(boolean all) {
        for (ReadAhead.Read read = ahead.next(all); read != null; read = ahead.next(all)) {
            if (deliveredBefore(read)) {
                counting.skippedFile();
                continue;
            }
            if (pending.add(read.file())) {
                flush(false);
            }
        }
    }

    /** Whether the same content came before: under this name, or under any when the source's kind says so. */
    private boolean deliveredBefore(ReadAhead.Read read) {
        return read.before() != null && read.before().sameContent(read.file().hash())
                || source.kind().sameContentSameFile() && ledger.knownContent(source.id(), read.file().hash());
    }

    /**
     * Hands pending files to a storing thread as one chunk ({@link PendingFiles#take}); the files after them are read
     * meanwhile.
     */
    private void flush(boolean all) {
        counting.flushSkipped();
        if (pending.isEmpty()) {
            return;
        }
        List<ReadFile> files = pending.take(all);
        storing.store(new Chunk(id, source.id(), context.ids(), userId, files, directory),
                PendingFiles.patientsOf(files));
    }
}
