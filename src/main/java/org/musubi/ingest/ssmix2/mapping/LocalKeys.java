package org.musubi.ingest.ssmix2.mapping;

import java.util.HashSet;
import java.util.Set;

/**
 * Source keys of the resources one record maps: {@code <record key>/<type>/<local part>}, where the
 * local part is the thing's own identity in the message (an allergy's ID or allergen code, a
 * diagnosis's problem instance ID). A local part seen twice in one message gets {@code ~2}, {@code ~3} …
 */
final class LocalKeys {

    private final String recordKey;
    private final Set<String> used = new HashSet<>();

    LocalKeys(String recordKey) {
        this.recordKey = recordKey;
    }

    String next(String type, String local) {
        String key = recordKey + "/" + type + "/" + local;
        String candidate = key;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = key + "~" + n;
        }
        return candidate;
    }
}
