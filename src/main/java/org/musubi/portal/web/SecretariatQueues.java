package org.musubi.portal.web;

import java.time.Duration;
import java.time.Instant;
import org.musubi.box.Box;
import org.musubi.consent.Consents;
import org.musubi.emergency.EmergencyReviews;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportAdministration;
import org.musubi.paging.PageRequest;
import org.musubi.portal.admin.Admins;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Service;

/**
 * The secretariat's first question on its home page: what waits for it. Counts only, no patient data: the 名寄せ
 * reviews open, the emergency accesses not yet reviewed (and of them the overdue), and among the newest import batches
 * those that failed, were interrupted or rejected records.
 */
@Service
public class SecretariatQueues {

    /** How many of the newest batches are looked at for errors. */
    public static final int RECENT_BATCHES = 50;
    private final MatchReviews reviews;
    private final Consents consents;
    private final EmergencyReviews emergencies;
    private final ImportAdministration imports;
    private final Box box;

    /** How long after Box's sweep last finished the operators are alerted. */
    public static final Duration SWEEP_LATE = Duration.ofHours(1);

    SecretariatQueues(MatchReviews reviews, Consents consents, EmergencyReviews emergencies,
                      ImportAdministration imports, Box box) {
        this.box = box;
        this.reviews = reviews;
        this.consents = consents;
        this.emergencies = emergencies;
        this.imports = imports;
    }

    /**
     * The queues' sizes, and Box's alerts: its expiry sweep has not finished for {@link #SWEEP_LATE}, or uploads are
     * not scanned (no scanner configured).
     */
    public record Queues(long matchReviews, long emergencyReviews, long overdueEmergencies, long importsWithErrors,
                         boolean boxSweepLate, boolean boxScanningOff) {
    }

    Queues of(SignedIn me, Instant now) {
        long failed = imports.batches(Admins.of(me), 0, RECENT_BATCHES).stream().map(ImportAdministration.BatchLine::batch)
                .filter(b -> b.status() == BatchStatus.FAILED || b.interrupted(now)
                        || b.counts().recordsRejected() > 0)
                .count();
        boolean late = box.lastSweep().map(at -> at.isBefore(now.minus(SWEEP_LATE))).orElse(false);
        return new Queues(reviews.open(PageRequest.of(1, 1)).total(), consents.countUnreviewedEmergencies(),
                emergencies.overdue(), failed, late, !box.scanning());
    }
}
