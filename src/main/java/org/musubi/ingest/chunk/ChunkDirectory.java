package org.musubi.ingest.chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.audit.Actor;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.imports.ImportRecords;

/**
 * Stores the directory resources a chunk's records name that the batch has not met yet, before the chunk and in a
 * transaction of their own: chunks stored at once (and other imports) name the same pharmacies and doctors, so they
 * are created under one lock, and once created they are never changed by an import. A crash after this commit and
 * before the chunk's leaves resources no record refers to yet, which the chunk's retry finds stored. Another
 * process's import may create one between the look-up and the insert: the insert then fails on the key and is tried
 * once more.
 *
 * <p>A facility's records refer only to the facility's own directory resources: when another facility's resource
 * has the id a party's content gives (a party two pharmacies name, on a legacy installation; or a row put there by
 * other means), the party is stored under the facility's own id ({@link ImportIds#ownDirectory}), and the chunk's
 * records are given that id ({@link Chunk#directoryIds()}).
 */
final class ChunkDirectory {

    /** Directory resources are created under this lock. */
    private static final Object CREATING = new Object();
    private final ImportLedger ledger;
    private final ImportRecords records;
    private final ImportAudits audits;

    ChunkDirectory(ImportLedger ledger, ImportRecords records, ImportAudits audits) {
        this.ledger = ledger;
        this.records = records;
        this.audits = audits;
    }

    void store(Chunk chunk, Actor actor, String format) {
        Map<String, Preparation.PreparedDirectory> wanted = new LinkedHashMap<>();
        for (ReadFile file : chunk.files()) {
            for (Preparation.PreparedRecord prepared : file.prepared()) {
                if (prepared != null) {
                    prepared.directory().stream().filter(d -> !chunk.directoryIds().containsKey(d.id()))
                            .forEach(d -> wanted.putIfAbsent(d.id(), d));
                }
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, String> ids;
        synchronized (CREATING) {
            for (int attempt = 1; ; attempt++) {
                try {
                    ids = ledger.inTransaction(() -> stored(chunk, List.copyOf(wanted.values()), actor, format));
                    break;
                } catch (ImportLedger.CreatedMeanwhile e) {
                    if (attempt == 2) {
                        throw e;
                    }
                }
            }
        }
        chunk.directoryIds().putAll(ids);
    }

    /** In the caller's transaction: creates what is absent; gives the id the records are to refer to each by. */
    private Map<String, String> stored(Chunk chunk, List<Preparation.PreparedDirectory> wanted, Actor actor, String format) {
        ImportRecords.Directory first = records.importDirectory(chunk.facilityId(), chunk.userId(), writes(chunk, wanted, null));
        List<Written> created = new ArrayList<>(first.created());
        Map<String, String> ids = new HashMap<>();
        Map<String, String> own = new LinkedHashMap<>();
        for (Preparation.PreparedDirectory d : wanted) {
            if (first.foreign().contains(d.type() + "/" + d.id())) {
                own.put(d.id(), chunk.ids().ownDirectory(d.json()));
            } else {
                ids.put(d.id(), d.id());
            }
        }
        if (!own.isEmpty()) {
            List<Preparation.PreparedDirectory> moved = wanted.stream().filter(d -> own.containsKey(d.id())).toList();
            ImportRecords.Directory second = records.importDirectory(chunk.facilityId(), chunk.userId(), writes(chunk, moved, own));
            created.addAll(second.created());
            moved.forEach(d -> ids.put(d.id(), second.foreign().contains(d.type() + "/" + own.get(d.id())) ? "" : own.get(d.id())));
        }
        audits.directory(created, actor, format);
        return ids;
    }

    /** The writes of {@code directory}, each under its content's id, or the id {@code under} gives it. */
    private static List<ResourceWrite> writes(Chunk chunk, List<Preparation.PreparedDirectory> directory, Map<String, String> under) {
        return directory.stream().map(d -> d.encoded().under(0, under == null ? d.id() : under.get(d.id()), null,
                chunk.facilityId())).toList();
    }
}
