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

    /**
     * Whether a record with {@code incoming} version is older than or the same as this one (so not applied again).
     * Versions compare as text. A version may end in {@code #<fingerprint>} (an SS-MIX2 content folder's, whose files
     * can change in place while its 発生日時 stays): of two versions with the same part before {@code #}, one with a
     * fingerprint the other has not is newer, unless it is the incoming one that has none (a deletion, named alone).
     */
    public boolean supersedes(String incoming) {
        if (incoming == null || version == null) {
            return false;
        }
        int mark = incoming.indexOf('#');
        int ownMark = version.indexOf('#');
        String base = mark < 0 ? incoming : incoming.substring(0, mark);
        String ownBase = ownMark < 0 ? version : version.substring(0, ownMark);
        int order = base.compareTo(ownBase);
        if (order != 0) {
            return order < 0;
        }
        return mark < 0 || incoming.equals(version);
    }
}
