package org.musubi.record;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * A resource to store. With an {@code id}, that resource gets a new version (or is created with that
 * id); with a {@code sourceKey} and no id, the resource the facility sent under that key before gets a
 * new version, or a new one is created. A write whose content equals the current version changes
 * nothing (idempotent). {@code held}: the categories a container holds besides its own {@code category}
 * (a Bundle's entries …); empty for every other resource. Made by {@code ResourceEncoder} (outside the record module,
 * only there: {@code RecordDoorRulesTest}). {@code ifMatch}: the version the writer saw and means to replace (FHIR's
 * {@code If-Match}), or null for "whatever is current" (the last writer wins); a write whose resource is no longer at that
 * version is refused with {@link VersionConflict}, decided under the row's lock.
 */
public record ResourceWrite(long patientKey, String type, String id, String sourceKey, long sourceFacilityId,
                            DataCategory category, String json, SearchIndex index, Set<DataCategory> held,
                            Integer ifMatch) {

    public ResourceWrite {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(index, "index");
        held = Categories.besides(category, held);
    }

    /** A write that replaces whatever version is current. */
    public ResourceWrite(long patientKey, String type, String id, String sourceKey, long sourceFacilityId,
                         DataCategory category, String json, SearchIndex index, Set<DataCategory> held) {
        this(patientKey, type, id, sourceKey, sourceFacilityId, category, json, index, held, null);
    }

    /** A resource that holds nothing but itself. */
    public ResourceWrite(long patientKey, String type, String id, String sourceKey, long sourceFacilityId,
                         DataCategory category, String json, SearchIndex index) {
        this(patientKey, type, id, sourceKey, sourceFacilityId, category, json, index, Set.of());
    }

    /** The same content under another source patient, id and source key (of the same facility). */
    public ResourceWrite under(long newPatientKey, String newId, String newSourceKey) {
        return new ResourceWrite(newPatientKey, type, newId, newSourceKey, sourceFacilityId, category, json, index, held, ifMatch);
    }

    public ResourceWrite withId(String newId) {
        return new ResourceWrite(patientKey, type, newId, sourceKey, sourceFacilityId, category, json, index, held, ifMatch);
    }

    public ResourceWrite withJson(String newJson) {
        return new ResourceWrite(patientKey, type, id, sourceKey, sourceFacilityId, category, newJson, index, held, ifMatch);
    }

    /** The same write holding these categories too. */
    public ResourceWrite holding(Set<DataCategory> more) {
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        all.addAll(held);
        all.addAll(more);
        return new ResourceWrite(patientKey, type, id, sourceKey, sourceFacilityId, category, json, index, all, ifMatch);
    }

    /** The same write, allowed only while the resource is at {@code version} ({@code If-Match}). */
    public ResourceWrite expecting(int version) {
        return new ResourceWrite(patientKey, type, id, sourceKey, sourceFacilityId, category, json, index, held, version);
    }

    /**
     * A write that named the version it replaces ({@link ResourceWrite#ifMatch}, FHIR's {@code If-Match}) while the resource
     * was at another one (or did not exist: {@code current} 0): nothing was stored. FHIR answers 412, a page tells the person
     * someone else saved first.
     */
    public static final class VersionConflict extends RuntimeException {

        private final String type;
        private final String id;
        private final int expected;
        private final int current;

        public VersionConflict(String type, String id, int expected, int current) {
            super(type + "/" + id + " is at version " + current + ", not " + expected);
            this.type = type;
            this.id = id;
            this.expected = expected;
            this.current = current;
        }

        public String type() {
            return type;
        }

        public String id() {
            return id;
        }

        /** The version the writer saw. */
        public int expected() {
            return expected;
        }

        /** The version the resource is at (0: it does not exist). */
        public int current() {
            return current;
        }
    }
}
