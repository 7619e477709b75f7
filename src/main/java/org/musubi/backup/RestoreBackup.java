package org.musubi.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;

/**
 * Restores an archive into a database that holds no Musubi data yet, in one transaction: every table's
 * rows, the sequences, the files and the kept parts into the blob store; then reads every table back and compares its row
 * count and digest with the manifest before committing. Anything wrong (key, archive, a table that reads
 * back differently) rolls everything back; files already stored stay, unreferenced, as the blob store only
 * ever adds files.
 */
public final class RestoreBackup {

    private final BackupDatabase database;
    private final BlobStore blobs;

    public RestoreBackup(BackupDatabase database, BlobStore blobs) {
        this.database = database;
        this.blobs = blobs;
    }

    /** Restores from {@code archive}; {@code progress} hears of each table read back and found equal. */
    public BackupContents restore(InputStream archive, BackupKey key, Consumer<Manifest.TableCount> progress)
            throws IOException {
        try (ArchiveReader reader = new ArchiveReader(new SealedInputStream(archive, key))) {
            Preamble preamble = reader.preamble();
            try (BackupDatabase.Load load = database.load(preamble.tables())) {
                Manifest manifest = reader.read(preamble, new ArchiveReader.Entries() {
                    @Override
                    public void table(TableLayout table, InputStream copyData) throws IOException {
                        load.copyIn(table, copyData);
                    }

                    @Override
                    public void blob(String key, InputStream content) throws IOException {
                        Blob stored = blobs.put(content, Long.MAX_VALUE);
                        if (!stored.sha256().equals(key)) {
                            throw new BackupRefused("backup.archive.damaged");
                        }
                    }

                    @Override
                    public void part(String name, InputStream content) throws IOException {
                        blobs.putPart(name, content, Long.MAX_VALUE);
                    }
                });
                load.sequences(manifest.sequences());
                for (int i = 0; i < manifest.tables().size(); i++) {
                    progress.accept(readBack(load, preamble.tables().get(i), manifest.tables().get(i)));
                }
                load.commit();
                return new BackupContents(preamble, manifest);
            }
        }
    }

    private static Manifest.TableCount readBack(BackupDatabase.Load load, TableLayout table, Manifest.TableCount expected)
            throws IOException {
        CopyDigest digest = new CopyDigest();
        load.copyOut(table, digest);
        CopyDigest.Result result = digest.result();
        Manifest.TableCount found = new Manifest.TableCount(table.name(), result.rows(), result.bytes(), result.digest());
        if (!found.equals(expected)) {
            throw new BackupRefused("backup.restore.mismatch", table.name(), expected.rows(), found.rows());
        }
        return found;
    }
}
