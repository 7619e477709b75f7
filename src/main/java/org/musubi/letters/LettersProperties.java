package org.musubi.letters;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code musubi.letters.*}: the sweep of the letters' files that no letter names (issue 68; docs/letters.md).
 *
 * @param fileGrace  how long a file written for a letter before its transaction (its signed PDF, its document, an
 *                   attachment taken from the record) may wait for the letter's row before the sweep removes it; far
 *                   longer than any send takes from its files to its commit
 * @param sweepEvery how often the sweep runs (on one node at a time, never on a read-only standby)
 */
@ConfigurationProperties("musubi.letters")
public record LettersProperties(@DefaultValue("1d") Duration fileGrace, @DefaultValue("1h") Duration sweepEvery) {

    public LettersProperties {
        if (fileGrace == null || fileGrace.isNegative() || fileGrace.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new IllegalArgumentException("musubi.letters.file-grace must be at least 10 minutes");
        }
        if (sweepEvery == null || sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalArgumentException("musubi.letters.sweep-every must be positive");
        }
    }
}
