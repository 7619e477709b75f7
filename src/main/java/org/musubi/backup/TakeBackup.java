package org.musubi.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.musubi.blob.BlobStore;

/**
 * Writes a backup: one consistent snapshot of the database, then the files of the blob store, into an
 * archive encrypted with the operator's key. Files are listed after the snapshot began, and are only ever
 * added, never changed or removed, so every file the snapshot refers to is in the archive.
 */
public final class TakeBackup {

    private final BackupDatabase database;
    private final BlobStore blobs;

    public TakeBackup(BackupDatabase database, BlobStore blobs) {
        this.database = database;
        this.blobs = blobs;
    }

    /**
     * Writes the archive to {@code target}, closed at the end; {@code progress} hears of each table written.
     * An archive that fails part way has no sealed end, so it can never be taken for a whole one.
     */
    public BackupContents take(OutputStream target, BackupKey key, Consumer<Manifest.TableCount> progress)
            throws IOException {
        try (target; ArchiveWriter writer = new ArchiveWriter(new SealedOutputStream(target, key))) {
            List<Manifest.TableCount> tables = new ArrayList<>();
            Preamble preamble;
            List<Manifest.SequenceValue> sequences;
            Optional<Stream<String>> files;
            try (BackupDatabase.Snapshot snapshot = database.snapshot()) {
                files = blobs.keys();
                preamble = new Preamble(Preamble.FORMAT, musubiVersion(), snapshot.schemaVersion(),
                        Instant.now().toString(), snapshot.tables(), files.isPresent());
                writer.preamble(preamble);
                for (TableLayout table : snapshot.tables()) {
                    tables.add(writer.table(table.name(), out -> snapshot.copyOut(table, out)));
                    progress.accept(tables.getLast());
                }
                sequences = snapshot.sequences();
            }
            long[] copied = files.isPresent() ? copyFiles(files.get(), writer) : new long[2];
            Manifest manifest = new Manifest(tables, sequences, copied[0], copied[1], Instant.now().toString());
            writer.finish(manifest);
            return new BackupContents(preamble, manifest);
        }
    }

    /** Copies every listed file; returns how many and their total size. */
    private long[] copyFiles(Stream<String> keys, ArchiveWriter writer) throws IOException {
        long[] copied = new long[2];
        try (keys) {
            for (String key : (Iterable<String>) keys::iterator) {
                try (InputStream content = blobs.open(key).orElseThrow(() -> new BackupRefused("backup.blob.missing", key))) {
                    copied[1] += writer.blob(key, content);
                    copied[0]++;
                }
            }
        }
        return copied;
    }

    static String musubiVersion() {
        String version = TakeBackup.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
