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
 * #CHUNK_RECORDS} records. Unless a chunk takes them all, the files of the last patient read stay pending for the
 * next chunk, so that a patient's records are rarely split between two chunks.
 */
final class PendingFiles {

    /** Records per chunk (one transaction). */
    static final int CHUNK_RECORDS = 2_000;
    private final List<ReadFile> pending = new ArrayList<>();
    private int pendingRecords;

    /** Adds a file read; whether the files pending now hold a chunk's records. */
    boolean add(ReadFile file) {
        pending.add(file);
        pendingRecords += file.results().size();
        return pendingRecords >= CHUNK_RECORDS;
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
