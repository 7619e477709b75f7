package org.musubi.ingest.ssmix2;

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

    /** {@code entries}: the content folder's entries as listed ({@link Folders#entries}). */
    static Optional<Folders.Entry> of(Path contentFolder, List<Folders.Entry> entries) {
        List<Folders.Entry> files = entries.stream().filter(e -> !e.isDirectory()).toList();
        String folder = contentFolder.getFileName().toString();
        Optional<Folders.Entry> named = files.stream().filter(f -> base(f).equalsIgnoreCase("main_document")).findFirst()
                .or(() -> files.stream().filter(f -> base(f).equals(folder) || name(f).equals(folder)).findFirst());
        if (named.isPresent()) {
            return named;
        }
        List<Folders.Entry> xml = files.stream().filter(f -> name(f).toLowerCase(Locale.ROOT).endsWith(".xml")).toList();
        if (xml.size() == 1) {
            return Optional.of(xml.getFirst());
        }
        return files.size() == 1 ? Optional.of(files.getFirst()) : Optional.empty();
    }

    private static String name(Folders.Entry file) {
        return file.path().getFileName().toString();
    }

    private static String base(Folders.Entry file) {
        String name = name(file);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
