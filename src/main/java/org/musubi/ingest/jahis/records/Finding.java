package org.musubi.ingest.jahis.records;

import org.musubi.ingest.adapter.Problem;

/**
 * A problem found while reading, and whether it is an error (the record, and the part of the file it
 * belongs to, cannot be taken) or a warning (tolerated; reported with what was taken).
 */
record Finding(Problem problem, boolean error) {
}
