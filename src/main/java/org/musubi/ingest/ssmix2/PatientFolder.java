package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.musubi.ingest.Location;

/**
 * One patient's folder ({@code <PID[0:3]>/<PID[3:6]>/<PID>/}): its files under {@code <date>/<type>/}
 * (and the main documents of extended-storage content folders) in apply order: by 発生日時, so an
 * older version ({@code _2}) comes before the newer ({@code _1}) and a delete after what it deletes;
 * then care date, data type, order number, and for the same instant history, current, delete.
 */
final class PatientFolder {

    private static final Comparator<Found> APPLY_ORDER = Comparator
            .comparing((Found f) -> f.name().timestamp()).thenComparing(f -> f.name().careDate())
            .thenComparing(f -> f.name().dataType()).thenComparing(f -> f.name().orderNo())
            .thenComparingInt(f -> f.name().condition().applyRank()).thenComparing(Found::relative);

    private record Found(Path path, String relative, Ssmix2FileName name) {
    }

    private final Path root;
    private final Path folder;
    private final List<StorageEntry> strays = new ArrayList<>();
    private final List<Found> found = new ArrayList<>();

    PatientFolder(Path root, Path folder) {
        this.root = root;
        this.folder = folder;
    }

    Stream<StorageEntry> entries() {
        try {
            for (Path date : Folders.list(folder)) {
                dateFolder(date);
            }
        } catch (IOException e) {
            strays.add(stray(folder, "ssmix2.read-failed", e.getClass().getSimpleName()));
        }
        found.sort(APPLY_ORDER);
        return Stream.concat(strays.stream(), found.stream().map(this::stored));
    }

    private void dateFolder(Path date) throws IOException {
        if (!Files.isDirectory(date)) {
            strays.add(stray(date, "ssmix2.stray"));
            return;
        }
        for (Path type : Folders.list(date)) {
            if (!Files.isDirectory(type)) {
                strays.add(stray(type, "ssmix2.stray"));
                continue;
            }
            boolean extended = ExtendedType.parse(type.getFileName().toString()).isPresent();
            for (Path entry : Folders.list(type)) {
                typeEntry(entry, extended);
            }
        }
    }

    private void typeEntry(Path entry, boolean extended) throws IOException {
        boolean directory = Files.isDirectory(entry);
        if (directory != extended) {
            strays.add(stray(entry, "ssmix2.stray"));
        } else if (!directory) {
            add(entry, Ssmix2FileName.parse(entry.getFileName().toString()));
        } else {
            Optional<Path> main = MainDocuments.of(entry);
            if (main.isPresent()) {
                add(main.get(), Ssmix2FileName.parseContentFolder(entry.getFileName().toString()));
            } else {
                strays.add(stray(entry, "ssmix2.no-main-document", Folders.list(entry).size()));
            }
        }
    }

    private void add(Path file, Ssmix2FileName.NameCheck check) {
        String relative = Ssmix2Storage.relative(root, file);
        switch (check) {
            case Ssmix2FileName.NameCheck.Valid valid -> found.add(new Found(file, relative, valid.name()));
            case Ssmix2FileName.NameCheck.Invalid invalid -> strays.add(new StorageEntry.Stray(relative,
                    Ssmix2Problems.at(Location.file(relative), invalid.fault())));
        }
    }

    private StorageEntry stored(Found file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return new StorageEntry.StoredFile(file.relative(), attributes.size(), attributes.lastModifiedTime().toInstant(),
                    file.path());
        } catch (IOException e) {
            return stray(file.path(), "ssmix2.read-failed", e.getClass().getSimpleName());
        }
    }

    private StorageEntry stray(Path path, String code, Object... args) {
        String relative = Ssmix2Storage.relative(root, path) + (Files.isDirectory(path) ? "/" : "");
        return new StorageEntry.Stray(relative, Ssmix2Problems.at(Location.file(relative), code, args));
    }
}
