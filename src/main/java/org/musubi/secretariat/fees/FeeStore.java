package org.musubi.secretariat.fees;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Where the invoicing settings and the fee rules' versions are kept. */
public interface FeeStore {

    /** A saved version of the rules. */
    record Version(long id, FeeRules rules, java.time.Instant savedAt) {
    }

    Optional<InvoicingSettings> settings();

    void saveSettings(InvoicingSettings settings);

    /** The rules in force in {@code month}: the newest saved version whose effective month is on or before it. */
    Optional<Version> rulesFor(YearMonth month);

    /** Every saved version, newest first. */
    List<Version> versions();

    /** Stores a new version; its id. */
    long saveRules(FeeRules rules, long savedBy);
}
