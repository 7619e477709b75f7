package org.musubi.record;

import org.musubi.record.store.ResourceStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;

/**
 * Writes by facilities: a facility writes only its own data (the writer's facility is the resource's
 * source facility, and an existing resource of another facility is never changed). Each write is
 * audited once, with the patient's regional ID when the source patient is linked to a person.
 */
public final class WriteRecords {

    private final ResourceStore store;
    private final IdentityStore identities;
    private final Audit audit;

    public WriteRecords(ResourceStore store, IdentityStore identities, Audit audit) {
        this.store = store;
        this.identities = identities;
        this.audit = audit;
    }

    /**
     * Refused: the writer does not own the resource, or may not create one under that id. {@link #refs()} names
     * every resource of the write refused so ({@code Type/id}), the first of them also as {@link #type()} and {@link #id()}.
     */
    public static final class NotOwner extends RuntimeException {
        private final List<String> refs;

        public NotOwner(String type, String id) {
            this(List.of(type + "/" + id));
        }

        public NotOwner(List<String> refs) {
            super("record.notOwner " + String.join(", ", refs));
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("no resource named");
            }
            this.refs = List.copyOf(refs);
        }

        public String type() {
            return refs.getFirst().substring(0, refs.getFirst().indexOf('/'));
        }

        public String id() {
            return refs.getFirst().substring(refs.getFirst().indexOf('/') + 1);
        }

        public List<String> refs() {
            return refs;
        }
    }

    /** The audit reason of a create refused because the client chose an id of the server's own form ({@link IdKey#serverShaped}). */
    public static final String ID_RESERVED = "record.idReserved";

    public Written write(Reader writer, ResourceWrite write) {
        Optional<StoredResource> existing = write.id() == null ? Optional.empty() : store.find(write.type(), write.id());
        boolean foreign = !writer.actsFor(write.sourceFacilityId())
                || existing.filter(r -> r.sourceFacilityId() != write.sourceFacilityId()).isPresent();
        AuditAction action = existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE;
        if (foreign) {
            record(action, Outcome.DENY, write.type(), write.id(), patientOf(write.patientKey()), "record.notOwner");
            throw new NotOwner(write.type(), write.id());
        }
        Written written = store.write(List.of(write), writer.userId()).getFirst();
        AuditAction done = written.change() == Written.Change.CREATED ? AuditAction.CREATE : AuditAction.UPDATE;
        record(done, Outcome.PERMIT, written.type(), written.id(), patientOf(write.patientKey()),
                written.change().name().toLowerCase(java.util.Locale.ROOT) + " v" + written.version());
        return written;
    }

    /**
     * Several writes in one database transaction (all or nothing), each audited once after they
     * are stored; refused as a whole when any touches another facility's resource.
     */
    public List<Written> writeAll(Reader writer, List<ResourceWrite> batch) {
        return writeAll(writer, batch, java.util.Set.of());
    }

    /**
     * As {@link #writeAll(Reader, List)}; {@code chosen} names the writes ({@code Type/id}) whose id the client chose
     * (a transaction's PUT entries): such a write may update the writer's own resource, but not create one under
     * an id of the server's form. Refused so, the batch is refused as when it touches another facility's resource,
     * audited once with its own reason.
     */
    public List<Written> writeAll(Reader writer, List<ResourceWrite> batch, java.util.Set<String> chosen) {
        Map<String, Long> owners = store.owners(batch.stream().filter(w -> w.id() != null)
                .map(w -> w.type() + "/" + w.id()).toList());
        Map<Long, String> patients = new HashMap<>();
        for (ResourceWrite write : batch) {
            String ref = write.type() + "/" + write.id();
            Long owner = write.id() == null ? null : owners.get(ref);
            if (!writer.actsFor(write.sourceFacilityId()) || owner != null && owner != write.sourceFacilityId()) {
                record(AuditAction.UPDATE, Outcome.DENY, write.type(), write.id(), patientOf(write.patientKey()),
                        "record.notOwner");
                throw new NotOwner(write.type(), write.id());
            }
            if (owner == null && chosen.contains(ref) && IdKey.serverShaped(write.id())) {
                record(AuditAction.UPDATE, Outcome.DENY, write.type(), write.id(), null, ID_RESERVED);
                throw new NotOwner(write.type(), write.id());
            }
        }
        List<Written> written = store.write(batch, writer.userId());
        List<AuditEntry> entries = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            Written w = written.get(i);
            long key = batch.get(i).patientKey();
            if (!patients.containsKey(key)) {
                patients.put(key, patientOf(key));
            }
            String patient = patients.get(key);
            entries.add(entry(w.change() == Written.Change.CREATED ? AuditAction.CREATE : AuditAction.UPDATE, Outcome.PERMIT,
                    w.type(), w.id(), patient, w.change().name().toLowerCase(java.util.Locale.ROOT) + " v" + w.version()));
        }
        audit.recordAll(entries);
        return written;
    }

    /** What an import stored: one outcome per write, in order, and how many resources it marked deleted. */
    public record Imported(List<Written> written, int deleted) {
    }

    /**
     * The writes and deletions of one facility's import, in the caller's transaction, so that they
     * commit or roll back with the import's own bookkeeping. Every resource touched must be the
     * facility's own; otherwise nothing is stored ({@link NotOwner}, naming every resource refused, so that the
     * import can set their records aside and store the others). Not audited here: the import
     * audits each source record once, naming the resources it stored.
     */
    public Imported importAll(long facilityId, Long userId, List<ResourceWrite> writes, List<ResourceRef> deletions) {
        for (ResourceWrite write : writes) {
            if (write.sourceFacilityId() != facilityId) {
                throw new NotOwner(write.type(), write.id());
            }
        }
        Map<String, Long> owners = deletions.isEmpty() ? Map.of()
                : store.owners(deletions.stream().map(d -> d.type() + "/" + d.id()).toList());
        List<String> foreign = deletions.stream().map(d -> d.type() + "/" + d.id())
                .filter(ref -> owners.containsKey(ref) && owners.get(ref) != facilityId).distinct().toList();
        if (!foreign.isEmpty()) {
            throw new NotOwner(foreign);
        }
        // the store's own look-up of the rows written tells whose they are: no second query for the owners
        List<Written> written = writes.isEmpty() ? List.of() : store.writeOwn(facilityId, writes, userId);
        return new Imported(written, store.deleteAll(deletions, userId));
    }

    /**
     * What {@link #importDirectory} did: the resources it created, and those it left because another facility's
     * resource has their id ({@code Type/id}): a facility's records never refer to another facility's directory resource.
     */
    public record Directory(List<Written> created, java.util.Set<String> foreign) {
    }

    /**
     * The directory resources an import's records refer to ({@code org.musubi.ingest.adapter.DirectoryResource}: ids
     * made from the facility and their content), in the caller's transaction: those with no resource of their id
     * yet are created, the facility's own left as they are, and those of another facility reported, not touched.
     * Not audited here: the import audits what it created.
     */
    public Directory importDirectory(long facilityId, Long userId, List<ResourceWrite> writes) {
        for (ResourceWrite write : writes) {
            boolean directory = org.musubi.record.fhir.ResourceKind.of(write.type()).map(k -> k.directory()).orElse(false);
            if (!directory || write.patientKey() != 0 || write.id() == null || write.sourceFacilityId() != facilityId) {
                throw new IllegalArgumentException("not a directory resource of facility " + facilityId + ": "
                        + write.type() + "/" + write.id());
            }
        }
        Map<String, Long> stored = store.owners(writes.stream().map(w -> w.type() + "/" + w.id()).toList());
        List<ResourceWrite> absent = writes.stream().filter(w -> !stored.containsKey(w.type() + "/" + w.id())).toList();
        java.util.Set<String> foreign = new java.util.LinkedHashSet<>();
        stored.forEach((ref, owner) -> {
            if (owner != facilityId) {
                foreign.add(ref);
            }
        });
        return new Directory(absent.isEmpty() ? List.of() : store.write(absent, userId), foreign);
    }

    /**
     * Before a write under an id the client chose (an update, or an update-as-create): refused, audited once, when
     * the resource exists and another facility owns it, or when it does not exist and the id has the server's own
     * form ({@link IdKey#serverShaped}: ids the server makes, an import's among them, are never the client's to
     * take). Both throw the same {@link NotOwner}; only the audit's reason tells them apart.
     */
    public void requireWritable(Reader writer, String type, String id) {
        Optional<StoredResource> existing = store.find(type, id);
        if (existing.isPresent() && !writer.actsFor(existing.get().sourceFacilityId())) {
            record(AuditAction.UPDATE, Outcome.DENY, type, id, patientOf(existing.get().patientKey()), "record.notOwner");
            throw new NotOwner(type, id);
        }
        if (existing.isEmpty() && IdKey.serverShaped(id)) {
            record(AuditAction.UPDATE, Outcome.DENY, type, id, null, ID_RESERVED);
            throw new NotOwner(type, id);
        }
    }

    /** A write refused before it reached the store (invalid content, unknown patient): audited once. */
    public void refused(String type, String id, String reason) {
        record(id == null ? AuditAction.CREATE : AuditAction.UPDATE, Outcome.DENY, type, id, null, reason);
    }

    public boolean delete(Reader writer, String type, String id) {
        Optional<StoredResource> existing = store.find(type, id).filter(r -> !r.deleted());
        if (existing.isEmpty()) {
            record(AuditAction.DELETE, Outcome.DENY, type, id, null, ReadRecords.NOT_FOUND);
            return false;
        }
        String patient = patientOf(existing.get().patientKey());
        if (!writer.actsFor(existing.get().sourceFacilityId())) {
            record(AuditAction.DELETE, Outcome.DENY, type, id, patient, "record.notOwner");
            throw new NotOwner(type, id);
        }
        store.delete(type, id, writer.userId());
        record(AuditAction.DELETE, Outcome.PERMIT, type, id, patient, "deleted");
        return true;
    }

    private String patientOf(long patientKey) {
        if (patientKey == 0) {
            return null;
        }
        return identities.personOf(patientKey).flatMap(identities::person).map(p -> p.person().regionalId()).orElse(null);
    }

    private void record(AuditAction action, Outcome outcome, String type, String id, String patient, String reason) {
        audit.record(entry(action, outcome, type, id, patient, reason));
    }

    private static AuditEntry entry(AuditAction action, Outcome outcome, String type, String id, String patient,
                                    String reason) {
        return AuditEntry.of(action, outcome).on(type, id == null ? "new" : id).patient(patient)
                .purpose(Purpose.TREATMENT).reason(reason);
    }
}
