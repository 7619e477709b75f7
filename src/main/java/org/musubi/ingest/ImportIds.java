package org.musubi.ingest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Resource ids of imported resources, made from what identifies them at the source: the facility, the
 * facility's patient id, the type and the source key. The same record sent again gets the same ids,
 * and a resource can be referred to before it is stored (a lab result's report, an order's results).
 */
public final class ImportIds {

    private ImportIds() {
    }

    public static String of(long facilityId, String localPatientId, String type, String sourceKey) {
        String name = "musubi-import\u001f" + facilityId + "\u001f" + localPatientId + "\u001f" + type + "\u001f" + sourceKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
