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
import org.musubi.blob.KeptParts;

/**
 * Writes a backup: one consistent snapshot of the database, then the files of the blob store, then its kept parts
 * (Box files, bulk exports, research extractions: {@link KeptParts}), into an archive encrypted with the operator's
 * key. Files are listed after the snapshot began, and are only ever added, never changed or removed, so every file the
 * snapshot refers to is in the archive. Parts are listed after the snapshot too; a part deleted meanwhile (a Box file
 * expired, a version replaced) is left out, and a restore marks what still named it ({@link KeptParts#afterRestore}).
 */
public final class TakeBackup {

    private final BackupDatabase database;
    private final BlobStore blobs;
    private final List<String> partPrefixes;

    public TakeBackup(BackupDatabase database, BlobStore blobs) {
        this(database, blobs, List.of());
    }

    /** A backup that also copies the parts named by {@code kept}. */
    public TakeBackup(BackupDatabase database, BlobStore blobs, List<KeptParts> kept) {
        this.database = database;
        this.blobs = blobs;
        this.partPrefixes = kept.stream().map(KeptParts::prefix).distinct().sorted().toList();
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
            List<String> prefixes;
            try (BackupDatabase.Snapshot snapshot = database.snapshot()) {
                files = blobs.keys();
                prefixes = files.isPresent() ? partPrefixes : List.of();
                preamble = new Preamble(Preamble.FORMAT, musubiVersion(), snapshot.schemaVersion(),
                        Instant.now().toString(), snapshot.tables(), files.isPresent(), prefixes);
                writer.preamble(preamble);
                for (TableLayout table : snapshot.tables()) {
                    tables.add(writer.table(table.name(), out -> snapshot.copyOut(table, out)));
                    progress.accept(tables.getLast());
                }
                sequences = snapshot.sequences();
            }
            long[] copied = files.isPresent() ? copyFiles(files.get(), writer) : new long[2];
            long[] parts = copyParts(prefixes, writer);
            Manifest manifest = new Manifest(tables, sequences, copied[0], copied[1], Instant.now().toString(), parts[0],
                    parts[1]);
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

    /** Copies every kept part there is now; one deleted since it was listed is left out. How many, and their size. */
    private long[] copyParts(List<String> prefixes, ArchiveWriter writer) throws IOException {
        long[] copied = new long[2];
        for (String prefix : prefixes) {
            Optional<Stream<String>> names = blobs.partNames(prefix);
            if (names.isEmpty()) {
                continue;
            }
            try (Stream<String> listed = names.get()) {
                for (String name : (Iterable<String>) listed::iterator) {
                    Optional<InputStream> content = blobs.openPart(name);
                    if (content.isEmpty()) {
                        continue; // deleted since it was listed: what named it was deleted or changed too
                    }
                    try (InputStream in = content.get()) {
                        copied[1] += writer.part(name, in);
                        copied[0]++;
                    }
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
