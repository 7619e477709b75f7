package org.musubi.ingest.adapter;

import java.util.Objects;

/**
 * What a whole file replaces at its facility ({@link SourceReader#replaces}): every live record whose key starts with
 * {@code recordKeyPrefix} and whose version starts with {@code versionPrefix} and that the file does not carry is
 * removed, as a deletion at the source would remove it — e.g. a UKE file of one claim month to one payer replaces that
 * month's receipts to that payer: a receipt sent before and not any more is taken back.
 */
public record ReplacedScope(String recordKeyPrefix, String versionPrefix) {

    public ReplacedScope {
        Objects.requireNonNull(recordKeyPrefix, "recordKeyPrefix");
        Objects.requireNonNull(versionPrefix, "versionPrefix");
        if (!recordKeyPrefix.matches("[A-Za-z0-9:-]{1,40}") || versionPrefix.isEmpty()) {
            throw new IllegalArgumentException("a scope names a record key prefix (letters, digits, ':' and '-') and a"
                    + " version prefix");
        }
    }
}
