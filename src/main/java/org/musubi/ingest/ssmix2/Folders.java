package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A storage folder's files and folders in name order (no devices, pipes or broken links), leaving
 * out what no SS-MIX2 writer puts there: hidden files ({@code .xxx}), editors' and copiers' temporary files ({@code ~$x}, {@code x~}, {@code .tmp},
 * {@code .part}, {@code .swp}) and desktop litter ({@code Thumbs.db}, {@code desktop.ini}).
 */
final class Folders {

    private static final List<String> TEMPORARY_ENDINGS = List.of("~", ".tmp", ".temp", ".part", ".swp", ".crdownload");

    private Folders() {
    }

    static List<Path> list(Path folder) throws IOException {
        return entries(folder).stream().map(Entry::path).toList();
    }

    /**
     * The same entries with their attributes, read once each: a storage of a million messages is walked
     * with one {@code stat} per entry, not three.
     */
    static List<Entry> entries(Path folder) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                if (ignored(entry.getFileName().toString())) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // a broken link, or gone since the listing
                }
                if (attributes.isRegularFile() || attributes.isDirectory()) {
                    entries.add(new Entry(entry, attributes));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    /** A file or folder with its attributes as listed. */
    record Entry(Path path, BasicFileAttributes attributes) {

        boolean isDirectory() {
            return attributes.isDirectory();
        }
    }

    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~$") || lower.equals("thumbs.db") || lower.equals("desktop.ini")
                || TEMPORARY_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
