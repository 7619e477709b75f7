package org.musubi.receiptmaster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.musubi.receiptmaster.file.MasterFile;
import org.musubi.receiptmaster.file.MasterFileProblem;
import org.musubi.receiptmaster.file.MasterFileReader;
import org.musubi.receiptmaster.file.UnreadableMasterFile;

/**
 * Loads one receipt master file in one transaction: every code it carries is added or its name updated; codes it no
 * longer carries stay (a past receipt still names them). Refused rows never sink the load.
 */
public final class LoadReceiptMaster {

    private final MasterFileReader reader = new MasterFileReader();
    private final ReceiptMasterStore store;

    public LoadReceiptMaster(ReceiptMasterStore store) {
        this.store = store;
    }

    /** What was loaded and which rows were refused. */
    public record Outcome(ReceiptMasterLoad load, List<MasterFileProblem> problems) {
    }

    /** Loads a file; {@link UnreadableMasterFile} when it is not a receipt master at all. */
    public Outcome load(Path file, String loadedBy) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.getFileName().toString(), in, loadedBy);
        } catch (IOException e) {
            throw new UnreadableMasterFile("receiptMaster.file.unreadable", e, file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Loads a file from a stream, e.g. the demo's masters on the class path. */
    public Outcome load(String name, InputStream in, String loadedBy) {
        MasterFile read = reader.read(name, in);
        ReceiptMasterLoad load = store.upsert(read.fileName(), loadedBy, read.entries(), read.problems().size());
        return new Outcome(load, read.problems());
    }

    /** The demo's masters (written by the Musubi team in the official layout, a few codes each). */
    public static final List<String> DEMO_FILES = List.of("s_demo.csv", "y_demo.csv", "t_demo.csv", "b_demo.csv",
            "z_demo.csv", "c_demo.csv");

    /** Loads {@link #DEMO_FILES} from {@code receiptmaster/demo/} on the class path. */
    public int loadDemo(String loadedBy) {
        int rows = 0;
        for (String name : DEMO_FILES) {
            try (InputStream in = LoadReceiptMaster.class.getClassLoader().getResourceAsStream("receiptmaster/demo/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing class-path resource receiptmaster/demo/" + name);
                }
                rows += load(name, in, loadedBy).load().rowsLoaded();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }
}
