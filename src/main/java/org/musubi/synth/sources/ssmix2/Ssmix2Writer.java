package org.musubi.synth.sources.ssmix2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.musubi.synth.sources.FileCounts;
import org.musubi.synth.sources.JisText;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;
import org.musubi.synth.sources.sites.Site;

/**
 * Writes one chart's SS-MIX2 files into its facility's standardized storage
 * ({@code <out>/<institution code>/ssmix2}), in ISO-2022-JP, and counts them by data type.
 */
public final class Ssmix2Writer {

    private final Path root;
    private final String institutionCode;
    private final FileCounts counts;
    private final Set<Path> directories = new HashSet<>();

    public Ssmix2Writer(Path out, Site site, FileCounts counts) {
        this.root = out.resolve(site.code()).resolve("ssmix2");
        this.institutionCode = site.code();
        this.counts = counts;
    }

    public void write(Chart chart, List<CareEvent> course) {
        Ssmix2Messages messages = new Ssmix2Messages(chart);
        for (CareEvent event : course) {
            for (Ssmix2File file : messages.files(event)) {
                write(file);
            }
        }
    }

    private void write(Ssmix2File file) {
        try {
            Path directory = directory(file);
            Files.write(directory.resolve(file.fileName()), JisText.iso2022jp(file.message()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts.add(institutionCode, file.dataType());
    }

    /**
     * The file's folder, made level by level the first time: the patient's folder with its parents
     * (which other patients share), then the care-date and data-type folders, which only this
     * chart writes into, so a failed attempt and a search upwards are never needed.
     */
    private Path directory(Ssmix2File file) throws IOException {
        Path directory = root.resolve(file.directory());
        if (directories.add(directory)) {
            Path dateFolder = directory.getParent();
            if (directories.add(dateFolder)) {
                Path patientFolder = dateFolder.getParent();
                if (directories.add(patientFolder)) {
                    Files.createDirectories(patientFolder);
                }
                createDirectory(dateFolder);
            }
            createDirectory(directory);
        }
        return directory;
    }

    private static void createDirectory(Path directory) throws IOException {
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException written) {
            // left by an earlier run into the same folder
        }
    }
}
