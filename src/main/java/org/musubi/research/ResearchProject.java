package org.musubi.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A research project: what was applied for ({@code requested}), what the committee approved ({@code approved}; null
 * until approved), its state, its named users (the applicant among them) and its ethics approval (number and the
 * PDF's key in the blob store), and the de-identification configuration the committee set with its approval (JSON,
 * {@link org.musubi.deid.DeidConfig}; null: the network's default).
 */
public record ResearchProject(long id, String title, String institution, String purpose, String ethicsNumber,
                              String ethicsBlob, long ethicsSize, LocalDate periodFrom, LocalDate periodTo,
                              Scope requested, Scope approved, ProjectStatus status, String decisionReason,
                              long appliedBy, Instant appliedAt, Long decidedBy, Instant decidedAt,
                              List<Long> namedUsers, String deidConfig) {

    public ResearchProject {
        namedUsers = List.copyOf(namedUsers);
    }

    /** The project's de-identification configuration: the committee's, or the network's default. */
    public org.musubi.deid.DeidConfig deid() {
        return deidConfig == null ? org.musubi.deid.DeidConfig.japaneseDefault()
                : org.musubi.deid.DeidConfig.parse(deidConfig);
    }

    /** Whether the user is one of the project's named users. */
    public boolean names(long userId) {
        return namedUsers.contains(userId);
    }

    /** Approved and its period running on {@code today}. */
    public boolean countable(LocalDate today) {
        return status.approved() && !today.isBefore(periodFrom) && !today.isAfter(periodTo);
    }
}
