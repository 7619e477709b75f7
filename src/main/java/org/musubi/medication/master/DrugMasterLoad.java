package org.musubi.medication.master;

import java.time.Instant;

/** One load of a drug price list into the master (the load history). */
public record DrugMasterLoad(long id, String fileName, int rowsLoaded, int rowsRejected, int rowsUnlisted,
                             Instant loadedAt, String loadedBy) {
}
