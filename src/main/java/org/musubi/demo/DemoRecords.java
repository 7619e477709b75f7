package org.musubi.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.musubi.audit.Actor;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.RunImport;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.SourceFiles;
import org.musubi.synth.sources.SourceOptions;

/**
 * Records for the demo: the facilities' own source files for the first demo persons (SS-MIX2 storages
 * of hospitals and clinics, JAHIS notebooks of pharmacies) written by {@code synth} and imported through
 * the real pipeline, each facility folder as a source named "demo" that shows on /admin/imports.
 */
final class DemoRecords {

    private static final RunImport.Runner RUNNER = new RunImport.Runner(null, Actor.system("demo-import"), BatchOrigin.DEMO);
    private final Facilities facilities;
    private final ImportSources sources;
    private final ImportQueue imports;

    public DemoRecords(Facilities facilities, ImportSources sources, ImportQueue imports) {
        this.facilities = facilities;
        this.sources = sources;
        this.imports = imports;
    }

    /**
     * Writes and imports the files of {@code persons} persons of the demo network of {@code seed}, their care ending on
     * {@code until} (yesterday, so that the demo's medicines are current); returns the batches.
     */
    public List<ImportBatch> importSmallSet(long seed, Path folder, int persons, int messages, LocalDate until) {
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(seed, SynthSize.demo());
        SourceFiles.write(network, persons, folder, SourceOptions.defaults(seed).withMessagesPerPatient(messages)
                .withUntil(until), done -> { });
        try (Stream<Path> codes = Files.list(folder)) {
            return codes.sorted().flatMap(code -> Stream.of(run(code, "ssmix2", ImportKind.SSMIX2),
                    run(code, "jahis", ImportKind.JAHIS))).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ImportBatch> run(Path code, String folder, ImportKind kind) {
        Path root = code.resolve(folder);
        Optional<Facility> facility = facilities.findByCode(code.getFileName().toString());
        if (!Files.isDirectory(root) || facility.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(run(facility.get(), kind, "demo", root));
    }

    /**
     * Writes a facility's receipt (UKE) files under {@code folder}/its code/uke and imports them as its source of kind
     * UKE named "demo" (the way a clinic without an EHR sends them, docs/no-ehr.md); returns the records read.
     */
    long importReceipts(Facility facility, Path folder, Map<String, byte[]> files) {
        Path root = folder.resolve(facility.code().value()).resolve("uke");
        try {
            Files.createDirectories(root);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(root.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run(facility, ImportKind.UKE, "demo", root).counts().recordsSeen();
    }

    /** Imports the files under {@code root} as {@code facility}'s source named {@code name}. */
    ImportBatch run(Facility facility, ImportKind kind, String name, Path root) {
        ImportSource source = sources.findOrCreate(facility.id(), kind, name, root.toAbsolutePath().toString());
        return imports.run(source, () -> FolderFiles.of(kind, root), RUNNER, ImportProgress.NONE);
    }
}
