package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.ingest.adapter.SourceFile;

/**
 * An extended-storage content folder, one record: its main document and every other entry beside it (its attachments:
 * images, style sheets, PDFs the document refers to; a folder among them is named, never read). The folder stands for
 * the record when the import decides whether it changed: its size is that of all its files together, its time the
 * newest of theirs and the folder's own (which moves when a file is added, removed or renamed), so that an attachment
 * changed, added or removed alone makes the record read again, and an unchanged folder is skipped.
 */
record ContentFolder(Folders.Entry folder, Folders.Entry main, List<Folders.Entry> others) {

    /** The folder's main document and the rest; empty when no file can be told to be the main document. */
    static Optional<ContentFolder> of(Folders.Entry folder) throws IOException {
        List<Folders.Entry> entries = Folders.entries(folder.path());
        return MainDocuments.of(folder.path(), entries).map(main -> new ContentFolder(folder, main,
                entries.stream().filter(e -> !e.equals(main)).toList()));
    }

    Path mainPath() {
        return main.path();
    }

    /** The main document as the file to read, {@code relative} its name, the other entries its attachments. */
    StorageEntry.StoredFile stored(Path root, String relative) {
        long size = main.attributes().size();
        Instant newest = latest(main.attributes().lastModifiedTime().toInstant(),
                folder.attributes().lastModifiedTime().toInstant());
        List<SourceFile> attachments = new ArrayList<>(others.size());
        for (Folders.Entry other : others) {
            String name = Ssmix2Storage.relative(root, other.path());
            if (other.isDirectory()) {
                attachments.add(SourceFile.folder(name));
                continue;
            }
            long otherSize = other.attributes().size();
            size += otherSize;
            newest = latest(newest, other.attributes().lastModifiedTime().toInstant());
            Path path = other.path();
            attachments.add(new SourceFile(name, otherSize, () -> Files.newInputStream(path)));
        }
        return new StorageEntry.StoredFile(relative, size, newest, main.path(), attachments);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
