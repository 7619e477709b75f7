package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.musubi.ingest.adapter.Location;

/**
 * Walks an SS-MIX2 storage (standardized or extended) patient folder by patient folder
 * ({@code <PID[0:3]>/<PID[3:6]>/<PID>}, in name order), giving each patient's files in apply order
 * ({@link PatientFolder}): one patient's files are in memory at a time, never the whole listing.
 * Hidden and temporary files are left out; files and folders with no place in the storage come as
 * {@link StorageEntry.Stray}. Reading the files and remembering which were read is the caller's.
 */
public final class Ssmix2Storage {

    private final Path root;

    public Ssmix2Storage(Path root) {
        this.root = root;
    }

    /** Every entry, lazily; close the stream when done. */
    public Stream<StorageEntry> entries() {
        return level(root, 0);
    }

    private Stream<StorageEntry> level(Path folder, int depth) {
        List<Folders.Entry> children;
        try {
            children = Folders.entries(folder);
        } catch (IOException e) {
            return Stream.of(unreadable(folder, e));
        }
        return children.stream().flatMap(child -> {
            if (!child.isDirectory()) {
                return Stream.of(stray(child.path()));
            }
            return depth == 2 ? new PatientFolder(root, child.path()).entries() : level(child.path(), depth + 1);
        });
    }

    private StorageEntry stray(Path file) {
        String relative = relative(root, file);
        return new StorageEntry.Stray(relative, Ssmix2Problems.at(Location.file(relative), "ssmix2.stray"));
    }

    private StorageEntry unreadable(Path folder, IOException e) {
        String relative = relative(root, folder) + "/";
        return new StorageEntry.Stray(relative, Ssmix2Problems.at(Location.file(relative), "ssmix2.read-failed",
                e.getClass().getSimpleName()));
    }

    static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
