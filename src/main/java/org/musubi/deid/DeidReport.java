package org.musubi.deid;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an extraction did (issue 48, deid): persons and resources in and out, how often each rule acted, which kinds
 * of element were removed, how many persons the k-anonymity pass suppressed and what it generalised. Counts only,
 * never a value. Not thread-safe: one per extraction.
 */
public final class DeidReport {

    private final Map<String, Long> perRule = new TreeMap<>();
    private final Map<String, Long> removedByKind = new TreeMap<>();
    private final Map<String, Long> resourcesOut = new TreeMap<>();
    private long persons;
    private long resourcesIn;
    private long suppressedPersons;
    private long suppressedResources;
    private KAnonymity.Result kAnonymity;

    void ruleApplied(DeidRule rule) {
        perRule.merge(rule.describe(), 1L, Long::sum);
    }

    void removed(String kind) {
        removedByKind.merge(kind, 1L, Long::sum);
    }

    void person() {
        persons++;
    }

    void resourceIn() {
        resourcesIn++;
    }

    void resourceOut(String type) {
        resourcesOut.merge(type, 1L, Long::sum);
    }

    void suppressed(int resources) {
        suppressedPersons++;
        suppressedResources += resources;
    }

    void kAnonymity(KAnonymity.Result result) {
        this.kAnonymity = result;
    }

    /** How often each rule acted, by its description ("rule 3 (Patient.birthDate generalize)"). */
    public Map<String, Long> perRule() {
        return Map.copyOf(perRule);
    }

    /** Removed elements by kind (a data type such as HumanName, or the element's name). */
    public Map<String, Long> removedByKind() {
        return Map.copyOf(removedByKind);
    }

    /** Resources written, per resource type. */
    public Map<String, Long> resourcesOut() {
        return Map.copyOf(resourcesOut);
    }

    public long persons() {
        return persons;
    }

    public long resourcesIn() {
        return resourcesIn;
    }

    public long suppressedPersons() {
        return suppressedPersons;
    }

    public long suppressedResources() {
        return suppressedResources;
    }

    /** The k-anonymity outcome, or null when the extraction had no k-anonymity pass. */
    public KAnonymity.Result kAnonymityResult() {
        return kAnonymity;
    }

    @Override
    public String toString() {
        return "persons " + persons + ", resources in " + resourcesIn + ", out " + resourcesOut
                + ", suppressed persons " + suppressedPersons + " (" + suppressedResources + " resources)"
                + ", removed " + removedByKind + ", rules " + perRule
                + (kAnonymity == null ? "" : ", " + kAnonymity);
    }
}
