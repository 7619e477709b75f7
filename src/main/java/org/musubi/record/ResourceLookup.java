package org.musubi.record;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The record store as other modules may use it without the access policy: where a resource is (for resolving the
 * references of what a facility writes), which Patient resource a facility holds for its source patients, and the
 * directory's own resources (Organization, Practitioner …, about no patient). It never hands out a patient's
 * content: that is read only through {@link ReadRecords} and written through {@link WriteRecords}, which decide
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
}
