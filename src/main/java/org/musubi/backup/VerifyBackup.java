package org.musubi.backup;

import java.io.IOException;
import java.io.InputStream;

/** Reads a whole archive with the key and checks every chunk, table and file against its manifest; writes nothing. */
public final class VerifyBackup {

    private VerifyBackup() {
    }

    public static BackupContents verify(InputStream archive, BackupKey key) throws IOException {
        try (ArchiveReader reader = new ArchiveReader(new SealedInputStream(archive, key))) {
            Preamble preamble = reader.preamble();
            return new BackupContents(preamble, reader.read(preamble, ArchiveReader.CHECK_ONLY));
        }
    }
}
