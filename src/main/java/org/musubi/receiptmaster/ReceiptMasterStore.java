package org.musubi.receiptmaster;

import java.util.List;

/** Where a master file is written: one transaction per file. */
public interface ReceiptMasterStore {

    /**
     * Adds or updates every entry (a code's name, unit …) and records the load; all or nothing. Codes the file does not
     * carry are kept: a receipt of an earlier month still names a code its master since dropped.
     */
    ReceiptMasterLoad upsert(String fileName, String loadedBy, List<MasterEntry> entries, int rejected);
}
