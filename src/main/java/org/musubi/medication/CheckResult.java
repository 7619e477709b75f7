package org.musubi.medication;

import java.util.List;
import java.util.Map;

/**
 * The outcome of the duplicate checks: the alerts, the product each entry was resolved to (by entry id),
 * and the entries unknown to the drug master, which were not checked (message key {@link #UNKNOWN}).
 */
public record CheckResult(List<MedicationAlert> alerts, Map<String, Drug> resolved, List<MedicationEntry> unknown) {

    /** {0}: the drug's name as recorded. */
    public static final String UNKNOWN = "medication.unknownDrug";

    public CheckResult {
        alerts = List.copyOf(alerts);
        resolved = Map.copyOf(resolved);
        unknown = List.copyOf(unknown);
    }
}
