package org.musubi.ingest.ssmix2.naming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A file's place in an SS-MIX2 storage, from its path relative to the storage root:
 * {@code <PID[0:3]>/<PID[3:6]>/<PID>/<care date or ->/<data type>/<file>} in the standardized storage,
 * {@code .../<type folder>/<content folder>/<main document>} in the extended storage (the content
 * folder carries the seven-field name). A bare file name (a file sent on its own) has no folders to check.
 *
 * @param name     the seven fields; for the extended storage, the content folder's, typed by the type folder
 * @param extended the extended-storage type, when the file is an extended-storage main document
 * @param deviations what the name does differently from the specification but could be read (warnings)
 */
public record Ssmix2Path(String path, Ssmix2FileName name, Optional<ExtendedType> extended, List<Fault> deviations) {

    public Ssmix2Path {
        deviations = List.copyOf(deviations);
    }

    /** Reads and checks {@code relativePath} ({@code /} or {@code \} separated). */
    public static PathCheck of(String relativePath) {
        String path = relativePath.replace('\\', '/');
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty() && !p.equals(".")).toList();
        if (parts.isEmpty()) {
            return new PathCheck.Faulty(Fault.of("ssmix2.name.fields", 0));
        }
        List<String> folders = parts.subList(0, parts.size() - 1);
        Optional<PathCheck> extended = extended(path, folders);
        return extended.orElseGet(() -> standard(path, parts.getLast(), folders));
    }

    private static PathCheck standard(String path, String file, List<String> folders) {
        return switch (Ssmix2FileName.parse(file)) {
            case Ssmix2FileName.NameCheck.Invalid invalid -> new PathCheck.Faulty(invalid.fault());
            case Ssmix2FileName.NameCheck.Valid valid -> placed(path, valid, folders, Optional.empty());
        };
    }

    /** When the parent folder is a content folder under an extended-storage type folder. */
    private static Optional<PathCheck> extended(String path, List<String> folders) {
        if (folders.size() < 2) {
            return Optional.empty();
        }
        String typeFolder = folders.get(folders.size() - 2);
        Optional<ExtendedType> type = ExtendedType.parse(typeFolder);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (Ssmix2FileName.parseContentFolder(folders.getLast())) {
            case Ssmix2FileName.NameCheck.Invalid invalid -> new PathCheck.Faulty(invalid.fault());
            case Ssmix2FileName.NameCheck.Valid valid -> type.get().namedBy(valid.name().dataType(), typeFolder)
                    ? placed(path, new Ssmix2FileName.NameCheck.Valid(valid.name().withDataType(typeFolder), valid.deviations()),
                            folders.subList(0, folders.size() - 1), type)
                    : new PathCheck.Faulty(Fault.of("ssmix2.misplaced", valid.name().dataType() + "/", typeFolder + "/"));
        });
    }

    private static PathCheck placed(String path, Ssmix2FileName.NameCheck.Valid valid, List<String> folders,
                                    Optional<ExtendedType> type) {
        Ssmix2FileName name = valid.name();
        if (folders.isEmpty()) {
            return new PathCheck.Placed(new Ssmix2Path(path, name, type, valid.deviations()));
        }
        List<String> expected = expectedFolders(name);
        List<String> actual = folders.subList(Math.max(0, folders.size() - expected.size()), folders.size());
        if (!actual.equals(expected)) {
            return new PathCheck.Faulty(Fault.of("ssmix2.misplaced", String.join("/", expected) + "/",
                    String.join("/", actual) + "/"));
        }
        return new PathCheck.Placed(new Ssmix2Path(path, name, type, valid.deviations()));
    }

    /** The name of a file the reader has placed already. */
    public static Ssmix2FileName placedName(String relativePath) {
        if (of(relativePath) instanceof PathCheck.Placed placed) {
            return placed.path().name();
        }
        throw new IllegalStateException("not a placed SS-MIX2 file");
    }

    /** {@code <PID[0:3]>/<PID[3:6]>/<PID>/<care date>/<data type>} for a name. */
    static List<String> expectedFolders(Ssmix2FileName name) {
        List<String> folders = new ArrayList<>(patientFolders(name.patientId()));
        folders.add(name.careDate());
        folders.add(name.dataType());
        return folders;
    }

    /** {@code <PID[0:3]>/<PID[3:6]>/<PID>}. */
    public static List<String> patientFolders(String id) {
        int first = Math.min(3, id.length());
        int second = Math.min(6, id.length());
        return List.of(id.substring(0, first), id.substring(first, second), id);
    }

    /** The outcome of placing a path. */
    public sealed interface PathCheck permits PathCheck.Placed, PathCheck.Faulty {

        record Placed(Ssmix2Path path) implements PathCheck {
        }

        record Faulty(Fault fault) implements PathCheck {
        }
    }
}
