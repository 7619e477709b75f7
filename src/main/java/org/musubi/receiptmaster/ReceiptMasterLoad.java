package org.musubi.receiptmaster;

import java.time.Instant;

/** One file loaded into the receipt masters (the load history): which masters it held, rows loaded and refused. */
public record ReceiptMasterLoad(long id, String fileName, String kinds, int rowsLoaded, int rowsRejected, Instant loadedAt,
                                String loadedBy) {
}
