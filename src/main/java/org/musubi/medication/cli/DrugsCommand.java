package org.musubi.medication.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musubi.medication.master.LoadDrugMaster;
import org.musubi.medication.MedicationTexts;
import org.musubi.medication.pricelist.PriceListProblem;
import org.musubi.medication.pricelist.UnreadablePriceList;
import org.springframework.stereotype.Component;

/**
 * {@code musubi drugs load <file>}: loads the MHLW drug price list into the drug master and prints each
 * refused row. Exit code 0 all loaded, 3 some rows refused, 1 the file could not be read.
 */
@Component
public class DrugsCommand {

    public static final String HELP = """
            Usage: musubi drugs load <file.xlsx|file.csv>

            Loads the MHLW drug price list (薬価基準収載品目リスト) into the drug master used by the duplicate-
            medication checks: the .xlsx as published on mhlw.go.jp (every sheet with the list's header), or a
            sheet saved as CSV (Shift_JIS or UTF-8). Products are added or updated; products of the same kinds
            that the new list no longer carries are kept and marked as not listed. See docs/drug-master.md.
            Exit code: 0 loaded, 3 loaded but some rows were refused, 1 the file could not be read, 2 usage error.
            """;

    private final LoadDrugMaster load;

    DrugsCommand(LoadDrugMaster load) {
        this.load = load;
    }

    public int load(Path file, PrintStream out, PrintStream err) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            err.println(MedicationTexts.english("medication.cli.noFile", file) + " / "
                    + MedicationTexts.japanese("medication.cli.noFile", file));
            return 1;
        }
        try {
            LoadDrugMaster.Outcome outcome = load.load(file.toAbsolutePath(), "cli");
            for (PriceListProblem problem : outcome.problems()) {
                out.println("REJECTED " + problem);
            }
            Object[] counts = {outcome.load().rowsLoaded(), outcome.load().rowsRejected(), outcome.load().rowsUnlisted()};
            out.println(MedicationTexts.english("medication.cli.loaded", counts) + " / "
                    + MedicationTexts.japanese("medication.cli.loaded", counts));
            return outcome.problems().isEmpty() ? 0 : 3;
        } catch (UnreadablePriceList e) {
            err.println(e.getMessage() + " / " + e.japanese());
            return 1;
        }
    }
}
