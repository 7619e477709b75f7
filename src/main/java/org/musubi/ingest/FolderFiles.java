package org.musubi.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.ssmix2.Ssmix2Storage;
import org.musubi.ingest.ssmix2.StorageEntry;

/**
 * The files of a folder as a source of a kind offers them: an SS-MIX2 storage walked patient by
 * patient in apply order (a file where no file belongs is offered as refused, naming why); any other
 * folder in name order ({@link DirectoryFiles}).
 */
public final class FolderFiles {

    private FolderFiles() {
    }

    public static Iterator<IncomingFile> of(ImportKind kind, Path root) {
        if (kind != ImportKind.SSMIX2 || !Files.isDirectory(root)) {
            return new DirectoryFiles(root);
        }
        Stream<StorageEntry> entries = new Ssmix2Storage(root).entries();
        Iterator<StorageEntry> walk = entries.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = walk.hasNext();
                if (!more) {
                    entries.close();
                }
                return more;
            }

            @Override
            public IncomingFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return switch (walk.next()) {
                    case StorageEntry.StoredFile f -> new IncomingFile(f.source(), f.lastModified());
                    case StorageEntry.Stray s -> new IncomingFile(SourceFile.of(s.relativePath(), new byte[0]), null,
                            s.problem());
                };
            }
        };
    }
}
