package org.musubi.ingest.ledger;

import java.util.List;

/**
 * What the last applied version of a source record left: its version, whether the source deleted it,
 * and its resources as {@code Type/sourceKey}.
 */
public record RecordState(long patientKey, String recordKey, String version, boolean deleted, List<String> resources) {

    public RecordState {
        resources = List.copyOf(resources);
    }

    /** Whether a record with {@code incoming} version is older than or the same as this one (so not applied again). */
    public boolean supersedes(String incoming) {
        return incoming != null && version != null && incoming.compareTo(version) <= 0;
    }
}
