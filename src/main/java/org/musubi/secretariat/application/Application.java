package org.musubi.secretariat.application;

import java.time.Instant;

/**
 * A stored application: its reference number (never its secret), where it stands, what was applied for, when it was
 * submitted (or last resubmitted) and last moved, the reason it was last returned, and the facility its approval made.
 */
public record Application(long id, String reference, ApplicationStatus status, ApplicationDraft draft,
                          Instant submittedAt, Instant statusChangedAt, String returnReason, Long facilityId) {

    public String groupedReference() {
        return ReferenceNumbers.grouped(reference);
    }
}
