package org.musubi.medication.master;

import java.util.List;
import java.util.Set;
import org.musubi.medication.Drug;
import org.musubi.medication.DrugKind;

/** Where loads are written: one transaction per list. */
public interface DrugMasterStore {

    /**
     * Upserts {@code drugs} (all marked listed), marks not listed the products of {@code kinds} that
     * {@code drugs} do not carry — only for a kind of which {@code drugs} hold at least half as many products as
     * are listed now, so a partial or mostly refused file never unlists a kind — and records the load; all or nothing.
     */
    DrugMasterLoad replace(String fileName, String loadedBy, List<Drug> drugs, Set<DrugKind> kinds, int rejected);
}
