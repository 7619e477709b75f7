package org.musubi.ingest.ledger;

import org.musubi.ingest.adapter.Problem;

/** A problem as a batch keeps it: an error (the record was rejected, with its raw input) or a warning. */
public record ProblemRow(Severity severity, Problem problem, String raw) {

    public enum Severity { ERROR, WARNING }

    /** Raw input is kept up to this many characters. */
    public static final int RAW_LIMIT = 65_536;

    public ProblemRow {
        if (raw != null && raw.length() > RAW_LIMIT) {
            raw = raw.substring(0, RAW_LIMIT);
        }
    }
}
