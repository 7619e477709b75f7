package org.musubi.ingest.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.chunk.ReadFile;

/**
 * A batch's files read and not yet stored, in the order they were offered, cut into chunks of about {@link
 * #CHUNK_RECORDS} records, or fewer when their files add up to {@link #CHUNK_BYTES} (documents with their attachments:
 * a chunk's prepared resources stay in memory until it is stored). Unless a chunk takes them all, the files of the last
 * patient read stay pending for the next chunk, so that a patient's records are rarely split between two chunks.
 */
final class PendingFiles {

    /** Records per chunk (one transaction). */
    static final int CHUNK_RECORDS = 2_000;
    /** Bytes of source files per chunk at most (an SS-MIX2 message is a few KB: only documents ever reach it). */
    static final long CHUNK_BYTES = 32L * 1024 * 1024;
    private final List<ReadFile> pending = new ArrayList<>();
    private int pendingRecords;
    private long pendingBytes;

    /** Adds a file read; whether the files pending now hold a chunk's records or bytes. */
    boolean add(ReadFile file) {
        pending.add(file);
        pendingRecords += file.results().size();
        pendingBytes += bytes(file);
        return pendingRecords >= CHUNK_RECORDS || pendingBytes >= CHUNK_BYTES;
    }

    private static long bytes(ReadFile file) {
        return Math.max(0, file.file().file().size());
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The files of the next chunk, no longer pending: all of them when {@code all}, else all but the last patient's. */
    List<ReadFile> take(boolean all) {
        int end = all ? pending.size() : lastPatientStart();
        List<ReadFile> files = List.copyOf(pending.subList(0, end));
        pending.subList(0, end).clear();
        pendingRecords = pending.stream().mapToInt(f -> f.results().size()).sum();
        pendingBytes = pending.stream().mapToLong(PendingFiles::bytes).sum();
        return files;
    }

    /** Where the pending files of the last patient read begin (all of them: the end). */
    private int lastPatientStart() {
        Set<String> last = patientsOf(List.of(pending.getLast()));
        if (last.isEmpty()) {
            return pending.size();
        }
        int start = pending.size() - 1;
        while (start > 0 && !Collections.disjoint(patientsOf(List.of(pending.get(start - 1))), last)) {
            start--;
        }
        return start == 0 ? pending.size() : start;
    }

    /** The source's local ids of the patients of the files' records. */
    static Set<String> patientsOf(List<ReadFile> files) {
        Set<String> patients = new HashSet<>();
        for (ReadFile file : files) {
            for (ParseResult result : file.results()) {
                if (result instanceof ParseResult.Parsed parsed) {
                    patients.add(parsed.patient().localId());
                }
            }
        }
        return patients;
    }
}
