package org.musubi.policy.disclosure;

import java.util.Optional;
import org.musubi.policy.Disclosure;

/**
 * A disclosure by its id, as it was made ({@link Disclose}): what the policy reads when the party it was made to reads
 * or answers through the record's doors. Nothing here decides or audits: the doors do, once.
 */
public final class Disclosures {

    private final DisclosureRows rows;

    public Disclosures(DisclosureRows rows) {
        this.rows = rows;
    }

    /** The disclosure with this id, as it was made; empty when none has it (the doors refuse it as unknown). */
    public Optional<Disclosure> find(long id) {
        return id <= Disclose.NONE ? Optional.empty() : rows.find(id);
    }
}
