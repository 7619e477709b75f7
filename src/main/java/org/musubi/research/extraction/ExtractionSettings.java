package org.musubi.research.extraction;

import java.time.Duration;

/**
 * {@code kThreshold}: the k every extraction must reach (at least 2); {@code keepFor}: how long an extraction's files
 * may be downloaded after it finished.
 */
public record ExtractionSettings(int kThreshold, Duration keepFor) {

    public ExtractionSettings {
        if (kThreshold < 2 || keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("k at least 2 and a positive time to keep the files");
        }
    }
}
