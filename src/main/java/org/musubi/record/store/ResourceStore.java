package org.musubi.record.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.record.Found;
import org.musubi.record.Located;
import org.musubi.record.NotOwner;
import org.musubi.record.Outline;
import org.musubi.record.RecordQuery;
import org.musubi.record.ResourceLookup;
import org.musubi.record.ResourceRef;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;

/**
 * FHIR resources in PostgreSQL with versions and a search index. No method here asks the access
 * policy: only the record module's doors ({@code ReadRecords}, {@code WriteRecords}, the import's {@code
 * imports.ImportRecords}) may be used by features that serve users, and other modules see the store only through
 * {@link ResourceLookup} (ArchitectureTest: nothing outside {@code org.musubi.record} depends on this type). It knows
 * none of those doors (they use it, not the other way round), only the values they hand it.
 */
public interface ResourceStore extends ResourceLookup {

    /** Stores all writes in one transaction (batched); returns one outcome per write, in order. */
    List<Written> write(List<ResourceWrite> writes, Long writerUserId);

    /**
     * As {@link #write}, with the look-up of the stored rows telling whose they are: when the id of a resource written
     * is stored under another source facility than {@code ownerFacility} (or under another patient or type), nothing is
     * stored ({@link NotOwner}, naming every such resource).
     */
    List<Written> writeOwn(long ownerFacility, List<ResourceWrite> writes, Long writerUserId);

    /** Marks the resource deleted as a new version; false when there is no such live resource. */
    boolean delete(String type, String id, Long writerUserId);

    /**
     * Marks these live resources deleted, each as a new version, in one transaction (batched); those
     * already deleted or absent are left alone. Returns how many were deleted.
     */
    int deleteAll(List<ResourceRef> refs, Long writerUserId);

    @Override
    Map<Long, String> patientIds(long sourceFacility, Collection<Long> patientKeys);

    Optional<StoredResource> find(String type, String id);

    /** As {@link #find} for each of {@code references} ({@code Type/id}) in one query: those stored, in the order given. */
    List<StoredResource> findAll(List<String> references);

    @Override
    default Optional<Located> locate(String type, String id) {
        return find(type, id).map(Located::of);
    }

    @Override
    default Optional<Located> locateByIdentifier(String type, long sourceFacility, String system, String value) {
        return findByIdentifier(type, sourceFacility, system, value).map(Located::of);
    }

    @Override
    default Optional<StoredResource> directoryEntry(String type, String id) {
        return find(type, id).filter(r -> !r.deleted() && !r.patientData());
    }

    /** The source facility of each stored resource (deleted ones too) among {@code references} ({@code Type/id}). */
    Map<String, Long> owners(Collection<String> references);

    /** The facility's own live resource of this type with this identifier ({@code system} may be null). */
    Optional<StoredResource> findByIdentifier(String type, long sourceFacility, String system, String value);

    Optional<StoredResource> version(String type, String id, int version);

    /** Every version, newest first. */
    List<StoredResource> history(String type, String id);

    /**
     * Live resources under these source patients whose (source facility, category) is among
     * {@code allowed}, and so is (source facility, each category it holds) for a container: the policy's
     * verdict applied inside the query, so totals and pages count only what the reader may see.
     */
    Found search(Set<Long> patientKeys, Set<DataItem> allowed, RecordQuery query);

    /**
     * What a person's record holds, without content: every live resource under these source patients
     * that {@code allowed} lets the reader see, newest clinical date first (undated last). A viewer
     * picks from it what to show, then reads only that with {@link #contents}.
     */
    List<Outline> outline(Set<Long> patientKeys, Set<DataItem> allowed);

    /**
     * The live resources among {@code ids} under these source patients that {@code allowed} lets the reader see
     * (with every category a container holds).
     */
    List<StoredResource> contents(Set<Long> patientKeys, Set<DataItem> allowed, Collection<String> ids);

    /**
     * For a research release (issue 48): each of {@code personIds} that is a person (not merged into another), in the
     * order given, with the little the release keeps of its identity (birth date, sex, registered address), the ids of
     * its source patients' Patient resources and their local patient IDs (to point the references to them at the
     * person), and its live resources — of every source patient linked to it or to a
     * person merged into it — whose category is among {@code categories}, and so is every category a container holds,
     * dated within [{@code from}, {@code to}) when those are given (then undated ones are left out). Content as JSON.
     */
    List<ReleasedPerson> released(List<Long> personIds, Set<DataCategory> categories, Instant from, Instant to);

    /** One person of a research release: what {@link #released} reads. */
    record ReleasedPerson(long personId, java.time.LocalDate birthDate, String sex, String address,
                          List<String> patientResourceIds, List<String> localIds, List<StoredResource> resources) {
        public ReleasedPerson {
            patientResourceIds = List.copyOf(patientResourceIds);
            localIds = List.copyOf(localIds);
            resources = List.copyOf(resources);
        }
    }
}
