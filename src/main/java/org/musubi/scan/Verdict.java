package org.musubi.scan;

import java.util.Objects;

/** What a {@link Scanner} says of a file. */
public sealed interface Verdict permits Verdict.Clean, Verdict.Infected, Verdict.TooLarge, Verdict.Failed {

    /** No malware found: the file may be downloaded. */
    Verdict CLEAN = new Clean();
    /** Larger than the scanner scans. */
    Verdict TOO_LARGE = new TooLarge();

    /** Nothing found. */
    record Clean() implements Verdict {
    }

    /**
     * Malware found: the file is quarantined and its sender told.
     *
     * @param signature the scanner's name of what it found, e.g. {@code Win.Test.EICAR_HDB-1}
     */
    record Infected(String signature) implements Verdict {
        public Infected {
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * The file is larger than the scanner scans ({@link Scanner#maxBytes()}, or clamd's own {@code StreamMaxLength}
     * when that is lower), so it was not scanned: {@link TooLargePolicy} decides.
     */
    record TooLarge() implements Verdict {
    }

    /**
     * The scanner could not tell (not reachable, timed out, an error reply): the file stays unscanned and is not
     * released; scanning it again later may succeed.
     *
     * @param reason for the operator's log, in English
     */
    record Failed(String reason) implements Verdict {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
