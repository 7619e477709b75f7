/**
 * The import's own bookkeeping ({@link org.musubi.ingest.ledger.ImportLedger}, kept in the database by {@code
 * ingest.jdbc}): batches and their counters, the files each source delivered (the checkpoint a batch run again
 * continues from), the version of each source record applied, and the problems found.
 */
package org.musubi.ingest.ledger;
