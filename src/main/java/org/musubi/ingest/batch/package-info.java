/**
 * Running a batch ({@link org.musubi.ingest.batch.BatchRun}): the offered files looked up in the ledger and read ahead
 * on reading threads, cut into chunks, stored on storing threads while the next files are read, and counted. Storing
 * one chunk is {@code ingest.chunk}'s.
 */
package org.musubi.ingest.batch;
