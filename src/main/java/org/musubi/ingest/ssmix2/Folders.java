package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                if (!ignored(entry.getFileName().toString()) && (Files.isRegularFile(entry) || Files.isDirectory(entry))) {
                    entries.add(entry);
                }
            }
        }
        entries.sort(null);
        return entries;
    }

    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~$") || lower.equals("thumbs.db") || lower.equals("desktop.ini")
                || TEMPORARY_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
