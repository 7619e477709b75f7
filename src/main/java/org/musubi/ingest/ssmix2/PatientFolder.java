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
import org.musubi.ingest.ssmix2.naming.ExtendedType;
import org.musubi.ingest.ssmix2.naming.Ssmix2FileName;
import org.musubi.ingest.adapter.Location;

/**
 * One patient's folder ({@code <PID[0:3]>/<PID[3:6]>/<PID>/}): its files under {@code <date>/<type>/}
 * (and the main documents of extended-storage content folders, each with the folder's other files: {@link
 * ContentFolder}) in apply order: by 発生日時, so an
 * older version ({@code _2}) comes before the newer ({@code _1}) and a delete after what it deletes;
 * then care date, data type, order number, and for the same instant history, current, delete.
 */
final class PatientFolder {

    private static final Comparator<Found> APPLY_ORDER = Comparator
            .comparing((Found f) -> f.name().timestamp()).thenComparing(f -> f.name().careDate())
            .thenComparing(f -> f.name().dataType()).thenComparing(f -> f.name().orderNo())
            .thenComparingInt(f -> f.name().condition().applyRank()).thenComparing(Found::relative);

    /**
     * A file to read; its attributes as listed, or null when they are still to be read; for an extended-storage main
     * document, its content folder (else null).
     */
    private record Found(Path path, String relative, Ssmix2FileName name, BasicFileAttributes attributes,
                         ContentFolder content) {
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
            for (Folders.Entry date : Folders.entries(folder)) {
                dateFolder(date);
            }
        } catch (IOException e) {
            strays.add(stray(folder, "ssmix2.read-failed", e.getClass().getSimpleName()));
        }
        found.sort(APPLY_ORDER);
        return Stream.concat(strays.stream(), found.stream().map(this::stored));
    }

    private void dateFolder(Folders.Entry date) throws IOException {
        if (!date.isDirectory()) {
            strays.add(stray(date.path(), "ssmix2.stray"));
            return;
        }
        for (Folders.Entry type : Folders.entries(date.path())) {
            if (!type.isDirectory()) {
                strays.add(stray(type.path(), "ssmix2.stray"));
                continue;
            }
            boolean extended = ExtendedType.parse(type.path().getFileName().toString()).isPresent();
            for (Folders.Entry entry : Folders.entries(type.path())) {
                typeEntry(entry, extended);
            }
        }
    }

    private void typeEntry(Folders.Entry entry, boolean extended) throws IOException {
        Path path = entry.path();
        boolean directory = entry.isDirectory();
        if (directory != extended) {
            strays.add(stray(path, "ssmix2.stray"));
        } else if (!directory) {
            add(path, entry.attributes(), null, Ssmix2FileName.parse(path.getFileName().toString()));
        } else {
            Optional<ContentFolder> content = ContentFolder.of(entry);
            if (content.isPresent()) {
                add(content.get().mainPath(), null, content.get(),
                        Ssmix2FileName.parseContentFolder(path.getFileName().toString()));
            } else {
                strays.add(stray(path, "ssmix2.no-main-document", Folders.list(path).size()));
            }
        }
    }

    private void add(Path file, BasicFileAttributes attributes, ContentFolder content, Ssmix2FileName.NameCheck check) {
        String relative = Ssmix2Storage.relative(root, file);
        switch (check) {
            case Ssmix2FileName.NameCheck.Valid valid -> found.add(new Found(file, relative, valid.name(), attributes, content));
            case Ssmix2FileName.NameCheck.Invalid invalid -> strays.add(new StorageEntry.Stray(relative,
                    Ssmix2Problems.at(Location.file(relative), invalid.fault())));
        }
    }

    private StorageEntry stored(Found file) {
        if (file.content() != null) {
            return file.content().stored(root, file.relative());
        }
        try {
            BasicFileAttributes attributes = file.attributes() != null ? file.attributes()
                    : Files.readAttributes(file.path(), BasicFileAttributes.class);
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
