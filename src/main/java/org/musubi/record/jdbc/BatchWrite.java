package org.musubi.record.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.musubi.policy.DataCategory;
import org.musubi.record.NotOwner;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;

/**
 * The decisions of one batched write, made in memory in the order of the writes as if they were
 * stored one by one: each resource is found by id, or by its source key when it has no id, among
 * the rows stored before ({@link #known}) and those this batch created; equal content (same hash) holding the same
 * categories changes nothing; otherwise a new version. What must be stored is then flushed by {@link BatchWriteSql}.
 */
final class BatchWrite {

    /** A resource as the batch leaves it; {@code stored} when its row existed before the batch. */
    static final class State {
        final long patientKey;
        final String id;
        final String type;
        final boolean stored;
        /** The source facility of the stored row ({@code null} for a resource the batch creates). */
        final Long sourceFacility;
        /** The version the row had when the batch read it (0 for a resource the batch creates). */
        final int readVersion;
        int version;
        boolean deleted;
        byte[] hash;
        ResourceWrite last;
        /** The last write's JSON as UTF-8, as hashed and as stored. */
        byte[] content;
        /** The categories the resource holds besides its own (a container's), as stored or last written. */
        Set<DataCategory> held = Set.of();

        State(long patientKey, String id, String type, int version, boolean deleted, byte[] hash, Long sourceFacility) {
            this.patientKey = patientKey;
            this.id = id;
            this.type = type;
            this.version = version;
            this.readVersion = version;
            this.deleted = deleted;
            this.hash = hash;
            this.stored = sourceFacility != null;
            this.sourceFacility = sourceFacility;
        }
    }

    /** One version row to insert; {@code held}: the categories its content holds besides the resource's own. */
    record Version(long patientKey, String id, int version, String type, String json,
                   Set<DataCategory> held) {
    }

    /** When set, every resource written must be this facility's ({@link NotOwner} otherwise). */
    private final Long owner;
    private final Map<String, State> byId = new HashMap<>();
    private final Map<String, State> bySource = new HashMap<>();
    private final Map<String, State> changed = new LinkedHashMap<>();
    private final List<Version> versions = new ArrayList<>();
    /** Ids of which a row stored before belongs to another facility than {@link #owner}. */
    private final Set<String> foreign = new HashSet<>();

    /** {@code owner}: the only source facility whose stored resources the batch may change, or {@code null} for any. */
    BatchWrite(Long owner) {
        this.owner = owner;
    }

    /** A row stored before the batch. */
    void known(State state, String sourceKey) {
        byId.put(state.id, state);
        if (foreign(state)) {
            foreign.add(state.id); // another row of the id (another patient's) must not hide this one
        }
        if (sourceKey != null) {
            bySource.put(sourceKey(state.patientKey, state.sourceFacility, state.type, sourceKey), state);
        }
    }

    /**
     * Before any write is applied, when the batch has an owner: refuses the batch ({@link NotOwner}) when
     * a write's id is stored as another facility's resource, or as the owner's under another patient or type, naming
     * every such write, so that an import can set all of them aside at once and store the rest.
     */
    void requireWritable(List<ResourceWrite> writes) {
        if (owner == null) {
            return;
        }
        Set<String> refused = new LinkedHashSet<>();
        for (ResourceWrite write : writes) {
            State state = write.id() == null ? null : byId.get(write.id());
            if (state != null && (foreign.contains(write.id()) || state.patientKey != write.patientKey()
                    || !state.type.equals(write.type()))) {
                refused.add(write.type() + "/" + write.id());
            }
        }
        if (!refused.isEmpty()) {
            throw new NotOwner(List.copyOf(refused));
        }
    }

    private boolean foreign(State state) {
        return owner != null && state.stored && !owner.equals(state.sourceFacility);
    }

    Written apply(ResourceWrite write) {
        State state = write.id() != null ? byId.get(write.id()) : write.sourceKey() == null ? null
                : bySource.get(sourceKey(write.patientKey(), write.sourceFacilityId(), write.type(), write.sourceKey()));
        byte[] content = write.json().getBytes(StandardCharsets.UTF_8);
        byte[] hash = sha256(content);
        if (state == null) {
            state = new State(write.patientKey(), write.id() != null ? write.id() : UUID.randomUUID().toString(),
                    write.type(), 0, false, null, null);
            byId.put(state.id, state);
        } else if (foreign(state)) {
            throw new NotOwner(state.type, state.id);
        } else if (state.patientKey != write.patientKey() || !state.type.equals(write.type())) {
            throw new IllegalArgumentException("resource " + state.type + "/" + state.id + " belongs to another patient or type");
        } else if (!state.deleted && Arrays.equals(state.hash, hash) && state.held.equals(write.held())) {
            return new Written(state.type, state.id, state.version, Written.Change.UNCHANGED);
        }
        if (write.sourceKey() != null) {
            bySource.put(sourceKey(write.patientKey(), write.sourceFacilityId(), write.type(), write.sourceKey()), state);
        }
        state.version++;
        state.deleted = false;
        state.hash = hash;
        state.held = write.held();
        state.last = write;
        state.content = content;
        changed.put(state.id, state);
        versions.add(new Version(state.patientKey, state.id, state.version, state.type, write.json(), write.held()));
        return new Written(state.type, state.id, state.version,
                state.version == 1 ? Written.Change.CREATED : Written.Change.UPDATED);
    }

    /** Resources created or changed by the batch, in their final state. */
    List<State> changed() {
        return List.copyOf(changed.values());
    }

    List<Version> versions() {
        return versions;
    }

    static String sourceKey(long patientKey, Long facility, String type, String key) {
        return patientKey + "\u0000" + facility + "\u0000" + type + "\u0000" + key;
    }

    static byte[] sha256(byte[] json) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
