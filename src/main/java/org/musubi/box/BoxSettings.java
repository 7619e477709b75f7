package org.musubi.box;

import java.time.Duration;

/**
 * Box's limits: {@code fileMaxBytes} per file (default 2 GB), {@code quotaBytes} per account over its files not yet
 * expired (default 5 GB), {@code retention} from upload to deletion (default 7 days). Box does not use
 * {@code musubi.blob.max-size} (the record's documents' limit, 100 MB), which stays as it is.
 */
public record BoxSettings(long fileMaxBytes, long quotaBytes, Duration retention) {

    public static final BoxSettings DEFAULTS = new BoxSettings(2L * 1024 * 1024 * 1024, 5L * 1024 * 1024 * 1024,
            Duration.ofDays(7));

    public BoxSettings {
        if (fileMaxBytes <= 0 || quotaBytes <= 0 || retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("musubi.box: file-max-size and quota must be positive, retention longer "
                    + "than zero");
        }
    }
}
