package org.musubi.medication.master;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.musubi.medication.pricelist.PriceList;
import org.musubi.medication.pricelist.PriceListProblem;
import org.musubi.medication.pricelist.PriceListReader;
import org.musubi.medication.pricelist.UnreadablePriceList;

/**
 * Loads a drug price list into the master in one transaction: its products are upserted, products of
 * the same kinds it no longer carries are kept but marked not listed. Bad rows never sink the load.
 */
public final class LoadDrugMaster {

    private final PriceListReader reader = new PriceListReader();
    private final DrugMasterStore store;

    public LoadDrugMaster(DrugMasterStore store) {
        this.store = store;
    }

    /** What was loaded and which rows were refused. */
    public record Outcome(DrugMasterLoad load, List<PriceListProblem> problems) {
    }

    /** Loads an .xlsx or .csv file; {@link UnreadablePriceList} when it is not a price list at all. */
    public Outcome load(Path file, String loadedBy) {
        return store(reader.read(file), loadedBy);
    }

    /** Loads a CSV list from a stream, e.g. the demo master on the class path. */
    public Outcome loadCsv(String name, InputStream csv, String loadedBy) {
        return store(reader.readCsv(name, csv), loadedBy);
    }

    private Outcome store(PriceList list, String loadedBy) {
        DrugMasterLoad load = store.replace(list.fileName(), loadedBy, list.drugs(), list.kinds(), list.problems().size());
        return new Outcome(load, list.problems());
    }
}
