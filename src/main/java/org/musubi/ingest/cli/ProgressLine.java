package org.musubi.ingest.cli;

import java.io.PrintStream;
import org.musubi.ingest.BatchCounts;
import org.musubi.ingest.ImportProgress;

/** A progress line rewritten in place (carriage return) on the terminal, at most a few times a second. */
final class ProgressLine implements ImportProgress {

    private final PrintStream err;
    private final long started = System.nanoTime();
    private long shown;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(BatchCounts c) {
        long now = System.nanoTime();
        if (now - shown < 250_000_000L) {
            return;
        }
        shown = now;
        double seconds = Math.max(0.001, (now - started) / 1e9);
        err.printf("\r[%s] %,d files (%,d skipped)  %,d records  %,d rejected  %,.0f records/s   ",
                bar(now), c.filesSeen(), c.filesSkipped(), c.recordsSeen(), c.recordsRejected(), c.recordsSeen() / seconds);
        err.flush();
    }

    void done() {
        err.println();
    }

    /** A moving marker: the total is not known while a storage is walked. */
    private String bar(long now) {
        int width = 20;
        int at = (int) ((now - started) / 200_000_000L % width);
        return " ".repeat(at) + "=" + " ".repeat(width - at - 1);
    }
}
