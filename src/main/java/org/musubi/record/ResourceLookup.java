package org.musubi.record;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The record store as other modules may use it without the access policy: where a resource is (for resolving the
 * references of what a facility writes), which Patient resource a facility holds for its source patients, and the
 * directory's own resources (Organization, Practitioner …, about no patient). It never hands out a patient's
 * content: that is read only through {@code ReadRecords} and written through {@code WriteRecords}, which decide
 * and audit.
 */
public interface ResourceLookup {

    /** Where the resource of this type and id is, deleted or not. */
    Optional<Located> locate(String type, String id);

    /** The facility's own live resource of this type with this identifier ({@code system} may be null). */
    Optional<Located> locateByIdentifier(String type, long sourceFacility, String system, String value);

    /** The id of the facility's live Patient resource of each of these source patients, where there is one. */
    Map<Long, String> patientIds(long sourceFacility, Collection<Long> patientKeys);

    /** The live resource of this type and id if it is about no patient (a directory entry); otherwise empty. */
    Optional<StoredResource> directoryEntry(String type, String id);

    /**
     * For a facility's import, the inpatient stay of one of its own source patients that its own imports stored: the
     * live Encounter of class {@code IMP} (neither planned, cancelled nor entered in error) under a source key, begun on
     * or before {@code day} and not ended before it, the latest begun. Only the import's own bookkeeping is told (the
     * source key the stay was stored under and when it began), so that a later event of the same stay that names no
     * admission (a discharge) joins it; never another facility's resource.
     */
    Optional<ImportedStay> importedStay(long sourceFacility, long patientKey, LocalDate day);

    /**
     * A stay a facility's import stored.
     *
     * @param sourceKey the source key the facility's import stored its Encounter under
     * @param start     when it began (the Encounter's {@code period.start}, a FHIR dateTime)
     */
    record ImportedStay(String sourceKey, String start) {
    }
}
