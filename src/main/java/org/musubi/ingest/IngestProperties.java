package org.musubi.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Imports.
 *
 * @param watch           whether the server watches the folders of sources marked "watch" (off for commands)
 * @param watchInterval   how often watched folders are scanned for new or changed files
 * @param quietPeriod     a file changed more recently than this is left for the next scan (it may still be written)
 * @param uploadMaxSize   the largest file (or zipped SS-MIX2 delta) a facility system may upload; larger gets 413
 * @param uploadDirectory where uploads are spooled while they are imported (deleted afterwards)
 * @param uploadMaxEntries the most entries (files and folders, empty ones too) an uploaded zip may hold; more gets 400
 * @param uploadExpiry    how long an unfinished resumable upload is kept after its last request (then removed)
 * @param uploadCleanup   how often each node removes the expired resumable uploads
 */
@ConfigurationProperties("musubi.ingest")
public record IngestProperties(
        @DefaultValue("true") boolean watch,
        @DefaultValue("60s") Duration watchInterval,
        @DefaultValue("10s") Duration quietPeriod,
        @DefaultValue("512MB") DataSize uploadMaxSize,
        @DefaultValue("./data/uploads") Path uploadDirectory,
        @DefaultValue("10000") int uploadMaxEntries,
        @DefaultValue("24h") Duration uploadExpiry,
        @DefaultValue("15m") Duration uploadCleanup) {

    public IngestProperties {
        if (uploadMaxEntries < 1) {
            throw new IllegalArgumentException("musubi.ingest.upload-max-entries must be at least 1: " + uploadMaxEntries);
        }
        if (uploadExpiry.isNegative() || uploadExpiry.isZero() || uploadCleanup.isNegative() || uploadCleanup.isZero()) {
            throw new IllegalArgumentException("musubi.ingest.upload-expiry and upload-cleanup must be positive");
        }
    }
}
