package org.musubi.ingest.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.audit.Actor;
import org.musubi.database.Standby;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.FolderFiles;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.ImportQueue;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.messages.Texts;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * {@code musubi import ssmix2|jahis|lab|lab-csv|checkup|uke <path> --facility=<code>}: one batch into the source
 * named after the path (created on first use), with a progress line and a summary. Running it again
 * continues where the last run stopped and takes only new or changed files.
 */
@Component
public class ImportCommand {

    public static final String HELP = """
            Usage: musubi import ssmix2|jahis|lab|lab-csv|checkup|uke <path> --facility=<10-digit code> [--source=NAME]

            Imports a facility's files into Musubi: each file's records are mapped to FHIR, stored under the
            facility's patients (new patients go to identity matching) and audited. Files already imported
            and unchanged are skipped, so running the command again continues where it stopped.

              ssmix2    an SS-MIX2 standardized storage root (ISO-2022-JP HL7 v2 files)
              jahis     a JAHIS e-medication-notebook file, or a folder of them (Shift_JIS or UTF-8)
              lab       an HL7 v2 lab-result file (OUL^R22, ORU^R01), or a folder of them
              lab-csv   a lab-result CSV file in Musubi's layout (docs/lab-csv.md), or a folder of them
              checkup   a 特定健診 XML file (MHLW standard form, HL7 CDA R2) or a ZIP of them, or a folder of them

              --facility=CODE   the sending facility's 10-digit medical-institution code (registered in Musubi)
              --source=NAME     the source's name (default: the path); its files are remembered per source

            Options may also be written with a space: --facility 3410000017.
            Exit code: 0 all records taken, 3 some records rejected (listed), 1 the import failed, 2 usage error.
            With the embedded database, stop the server first.
            """;
    private static final Map<String, ImportKind> KINDS = Map.of("ssmix2", ImportKind.SSMIX2, "jahis", ImportKind.JAHIS,
            "lab", ImportKind.LAB_HL7, "lab-csv", ImportKind.LAB_CSV, "checkup", ImportKind.CHECKUP,
            "uke", ImportKind.UKE);

    private static final int SHOWN_FACILITIES = 5;

    private final Facilities facilities;
    private final ImportSources sources;
    private final ImportQueue imports;
    private final ImportLedger ledger;
    private final Standby standby;

    ImportCommand(Facilities facilities, ImportSources sources, ImportQueue imports, ImportLedger ledger,
                  Standby standby) {
        this.standby = standby;
        this.facilities = facilities;
        this.sources = sources;
        this.imports = imports;
        this.ledger = ledger;
    }

    /** Arguments: kind, path, options ({@code facility}, {@code source}). */
    public int run(String kindName, Path path, Map<String, String> options, PrintStream out, PrintStream err) {
        if (standby.readOnly()) {
            err.println(Standby.MESSAGE);
            return 1;
        }
        ImportKind kind = KINDS.get(kindName);
        Optional<Facility> facility = Optional.ofNullable(options.get("facility")).flatMap(facilities::findByCode);
        if (kind == null || !Files.exists(path)) {
            err.println(kind == null ? "Unknown kind / 種類が不明です: " + kindName
                    : "No such file or folder / ファイルまたはフォルダがありません: " + path);
            err.print(HELP);
            return 2;
        }
        if (facility.isEmpty()) {
            err.println(unregistered(options.get("facility")));
            return 2;
        }
        String name = options.getOrDefault("source", path.toAbsolutePath().normalize().toString());
        ImportSource source = sources.findOrCreate(facility.get().id(), kind, name, path.toAbsolutePath().toString());
        out.println("Importing / 取り込み中: " + path + " (" + kind + ", " + facility.get().nameKanji() + ")");
        ProgressLine progress = new ProgressLine(err);
        ImportBatch batch = imports.run(source, () -> FolderFiles.of(kind, path),
                new RunImport.Runner(null, Actor.system("cli import"), BatchOrigin.COMMAND_LINE), progress);
        progress.done();
        new ImportSummary(ledger).print(batch, out);
        return batch.counts().recordsRejected() > 0 ? 3 : 0;
    }

    /**
     * Why the facility is not there, and how to get it: a database without any facility has not had its first
     * {@code serve} (which creates the demo network) nor an operator registering facilities.
     */
    private String unregistered(String code) {
        if (facilities.count() == 0) {
            return say("ingest.cli.noFacilities", code);
        }
        List<String> known = facilities.all().stream().filter(f -> f.code() != null).limit(SHOWN_FACILITIES)
                .map(f -> f.code().value() + " " + f.nameKanji()).toList();
        return say("ingest.cli.unknownFacility", code, String.join(", ", known), facilities.count());
    }

    private static String say(String key, Object... args) {
        return Texts.japanese(key, args) + System.lineSeparator() + Texts.english(key, args);
    }
}
