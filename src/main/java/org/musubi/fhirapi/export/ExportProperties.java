package org.musubi.fhirapi.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * FHIR Bulk Data {@code $export} ({@code musubi.fhir.export}, docs/bulk-export.md).
 *
 * @param fileLifetime how long an export's status and files are kept after it finished (default 24 hours); the sweep
 *                     then deletes them
 * @param sweepEvery   how often the sweep looks for expired exports and for exports a stopped node left running
 * @param maxFileSize  the largest NDJSON file of one type (default 2 GB); an export beyond it fails
 * @param maxRunning   how many exports one API client may have running at once (default 2); more are refused with 429
 */
@ConfigurationProperties("musubi.fhir.export")
public record ExportProperties(@DefaultValue("24h") Duration fileLifetime, @DefaultValue("10m") Duration sweepEvery,
                               @DefaultValue("2GB") DataSize maxFileSize, @DefaultValue("2") int maxRunning) {

    public ExportProperties {
        if (fileLifetime.isNegative() || fileLifetime.isZero() || fileLifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("musubi.fhir.export.file-lifetime must be between 1 s and 30 days: "
                    + fileLifetime);
        }
        if (sweepEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("musubi.fhir.export.sweep-every must be at least 1 s: " + sweepEvery);
        }
        if (maxFileSize.toBytes() < 1024) {
            throw new IllegalArgumentException("musubi.fhir.export.max-file-size must be at least 1KB: " + maxFileSize);
        }
        if (maxRunning < 1 || maxRunning > 100) {
            throw new IllegalArgumentException("musubi.fhir.export.max-running must be between 1 and 100: " + maxRunning);
        }
    }
}
