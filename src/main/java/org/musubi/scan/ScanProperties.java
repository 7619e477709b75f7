package org.musubi.scan;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The malware scanner of every upload (Box, participation applications, manual publishing). The settings keep the
 * names they had when only Box scanned ({@code musubi.box.scan.*}), so that an operator's configuration keeps working.
 *
 * @param clamdHost      the host of ClamAV's daemon (clamd) listening on TCP; empty: no scanning, and the operator
 *                       sees a warning that scanning is off
 * @param clamdPort      clamd's {@code TCPSocket} (3310 as Debian's {@code clamav-daemon} documents)
 * @param maxBytes       the largest file sent to the scanner; set it to clamd's {@code StreamMaxLength} (100MB by
 *                       default there), at most 4GB, clamd's own cap
 * @param tooLarge       what happens to a file larger than {@code max-bytes}: {@code refuse} the upload, or {@code hold}
 *                       it as "not scanned", never downloadable by its recipients
 * @param connectTimeout how long to wait for a connection to clamd
 * @param readTimeout    how long to wait for clamd's verdict once a file is sent
 */
@ConfigurationProperties("musubi.box.scan")
public record ScanProperties(
        String clamdHost,
        @DefaultValue("3310") int clamdPort,
        @DefaultValue("100MB") DataSize maxBytes,
        @DefaultValue("refuse") TooLargePolicy tooLarge,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("3m") Duration readTimeout) {

    /** clamd refuses streams of 4 GB and more whatever its configuration says. */
    public static final long CLAMD_CAP = 4L * 1024 * 1024 * 1024;

    public ScanProperties {
        check(clamdPort >= 1 && clamdPort <= 65535, "musubi.box.scan.clamd-port must be 1-65535: " + clamdPort);
        check(maxBytes.toBytes() >= 1 && maxBytes.toBytes() < CLAMD_CAP,
                "musubi.box.scan.max-bytes must be positive and below 4GB (clamd's cap): " + maxBytes);
        check(!connectTimeout.isNegative() && !connectTimeout.isZero() && !readTimeout.isNegative()
                && !readTimeout.isZero(), "musubi.box.scan.connect-timeout and read-timeout must be positive");
    }

    /** Whether a clamd is named. */
    public boolean configured() {
        return clamdHost != null && !clamdHost.isBlank();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
