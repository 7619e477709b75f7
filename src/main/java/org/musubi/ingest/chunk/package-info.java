/**
 * Storing one chunk of a batch in one transaction ({@link org.musubi.ingest.chunk.ImportChunks}): its directory
 * resources first ({@link org.musubi.ingest.chunk.ChunkDirectory}), then its patients, what its records write and
 * delete ({@link org.musubi.ingest.chunk.ChunkPlanner}), the ledger's checkpoint, identity matching and the audit.
 * Also what the reading threads prepare of each record for it ({@link org.musubi.ingest.chunk.Preparation}).
 */
package org.musubi.ingest.chunk;
