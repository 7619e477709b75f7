package org.musubi.receiptmaster.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.musubi.messages.Texts;
import org.musubi.receiptmaster.LoadReceiptMaster;
import org.musubi.receiptmaster.file.MasterFileProblem;
import org.musubi.receiptmaster.file.UnreadableMasterFile;
import org.springframework.stereotype.Component;

/**
 * {@code musubi receipt-master load <file>...}: loads the official receipt master files into the receipt masters and
 * prints each refused row. Exit code 0 all loaded, 3 some rows refused, 1 a file could not be read.
 */
@Component
public class ReceiptMasterCommand {

    public static final String HELP = """
            Usage: musubi receipt-master load <file.csv> [<file.csv> ...]

            Loads the receipt masters (レセプト電算処理システム 基本マスター) that name the codes of receipt (UKE) files:
            医科診療行為 (s_*.csv), 医薬品 (y_*.csv), 特定器材 (t_*.csv), 傷病名 (b_*.csv), 修飾語 (z_*.csv) and
            コメント (c_*.csv), as the 社会保険診療報酬支払基金 publishes them (Shift_JIS CSV; UTF-8 is read too). Codes are
            added or renamed; codes a newer file no longer carries are kept. See docs/receipt-master.md.
            Exit code: 0 loaded, 3 loaded but some rows were refused, 1 a file could not be read, 2 usage error.
            """;

    private final LoadReceiptMaster load;

    ReceiptMasterCommand(LoadReceiptMaster load) {
        this.load = load;
    }

    public int load(List<Path> files, PrintStream out, PrintStream err) {
        int exit = 0;
        for (Path file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                err.println(Texts.english("receiptMaster.cli.noFile", file) + " / " + Texts.japanese("receiptMaster.cli.noFile", file));
                exit = 1;
                continue;
            }
            try {
                LoadReceiptMaster.Outcome outcome = load.load(file.toAbsolutePath(), "cli");
                for (MasterFileProblem problem : outcome.problems()) {
                    out.println("REJECTED " + problem);
                }
                Object[] counts = {file.getFileName(), outcome.load().rowsLoaded(), outcome.load().rowsRejected()};
                out.println(Texts.english("receiptMaster.cli.loaded", counts) + " / "
                        + Texts.japanese("receiptMaster.cli.loaded", counts));
                if (!outcome.problems().isEmpty() && exit == 0) {
                    exit = 3;
                }
            } catch (UnreadableMasterFile e) {
                err.println(e.getMessage() + " / " + e.japanese());
                exit = 1;
            }
        }
        return exit;
    }
}
