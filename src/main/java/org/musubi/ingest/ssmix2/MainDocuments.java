package org.musubi.ingest.ssmix2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which file of an extended-storage content folder is its main document (主文書; the others are its
 * attachments, such as images or style sheets): {@code main_document.*} (the NHO convention), else
 * the file named like the content folder, else the only XML file, else the only file.
 */
final class MainDocuments {

    private MainDocuments() {
    }

    static Optional<Path> of(Path contentFolder) throws IOException {
        List<Path> files = Folders.list(contentFolder).stream().filter(Files::isRegularFile).toList();
        String folder = contentFolder.getFileName().toString();
        Optional<Path> named = files.stream().filter(f -> base(f).equalsIgnoreCase("main_document")).findFirst()
                .or(() -> files.stream().filter(f -> base(f).equals(folder) || name(f).equals(folder)).findFirst());
        if (named.isPresent()) {
            return named;
        }
        List<Path> xml = files.stream().filter(f -> name(f).toLowerCase(Locale.ROOT).endsWith(".xml")).toList();
        if (xml.size() == 1) {
            return Optional.of(xml.getFirst());
        }
        return files.size() == 1 ? Optional.of(files.getFirst()) : Optional.empty();
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static String base(Path file) {
        String name = name(file);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
