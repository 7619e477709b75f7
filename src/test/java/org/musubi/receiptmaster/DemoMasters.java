package org.musubi.receiptmaster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.musubi.receiptmaster.file.MasterFileReader;

/**
 * The demo's receipt masters ({@code receiptmaster/demo/*.csv}: written by the Musubi team in the official layout, a few
 * codes each) read into memory, for tests and benchmarks that read UKE files without a database.
 */
public final class DemoMasters {

    private static final ReceiptMaster MASTER = ReceiptMaster.of(entries());

    private DemoMasters() {
    }

    public static ReceiptMaster master() {
        return MASTER;
    }

    public static List<MasterEntry> entries() {
        List<MasterEntry> all = new ArrayList<>();
        for (String name : LoadReceiptMaster.DEMO_FILES) {
            try (InputStream in = DemoMasters.class.getClassLoader().getResourceAsStream("receiptmaster/demo/" + name)) {
                all.addAll(new MasterFileReader().read(name, in).entries());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }
}
