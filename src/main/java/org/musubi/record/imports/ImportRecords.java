package org.musubi.record.imports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.record.NotOwner;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.record.store.ResourceStore;

/**
 * The import's batch door: the writes and deletions of one facility's import, and the directory resources its records
 * refer to, in the caller's transaction, so that they commit or roll back with the import's own bookkeeping. Every
 * resource touched must be the facility's own. Not audited here: the import audits each source record once, naming
 * the resources it stored. Only {@code ingest} uses it ({@code RecordDoorRulesTest}).
 */
public final class ImportRecords {

    private final ResourceStore store;

    public ImportRecords(ResourceStore store) {
        this.store = store;
    }

    /** What an import stored: one outcome per write, in order, and how many resources it marked deleted. */
    public record Imported(List<Written> written, int deleted) {
    }

    /**
     * Stores the import's writes and deletions; when any resource touched is not the facility's own, nothing is stored
     * ({@link NotOwner}, naming every resource refused, so that the import can set their records aside and store the
     * others).
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
    public record Directory(List<Written> created, Set<String> foreign) {
    }

    /**
     * The directory resources an import's records refer to ({@code org.musubi.ingest.adapter.DirectoryResource}: ids
     * made from the facility and their content): those with no resource of their id yet are created, the facility's
     * own left as they are, and those of another facility reported, not touched.
     */
    public Directory importDirectory(long facilityId, Long userId, List<ResourceWrite> writes) {
        for (ResourceWrite write : writes) {
            boolean directory = ResourceKind.of(write.type()).map(k -> k.directory()).orElse(false);
            if (!directory || write.patientKey() != 0 || write.id() == null || write.sourceFacilityId() != facilityId) {
                throw new IllegalArgumentException("not a directory resource of facility " + facilityId + ": "
                        + write.type() + "/" + write.id());
            }
        }
        Map<String, Long> stored = store.owners(writes.stream().map(w -> w.type() + "/" + w.id()).toList());
        List<ResourceWrite> absent = writes.stream().filter(w -> !stored.containsKey(w.type() + "/" + w.id())).toList();
        Set<String> foreign = new LinkedHashSet<>();
        stored.forEach((ref, owner) -> {
            if (owner != facilityId) {
                foreign.add(ref);
            }
        });
        return new Directory(absent.isEmpty() ? List.of() : store.write(absent, userId), foreign);
    }
}
