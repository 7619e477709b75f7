package org.musubi.portal.web;

import java.time.Instant;
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

    SecretariatQueues(MatchReviews reviews, Consents consents, EmergencyReviews emergencies,
                      ImportAdministration imports) {
        this.reviews = reviews;
        this.consents = consents;
        this.emergencies = emergencies;
        this.imports = imports;
    }

    /** The queues' sizes. */
    public record Queues(long matchReviews, long emergencyReviews, long overdueEmergencies, long importsWithErrors) {
    }

    Queues of(SignedIn me, Instant now) {
        long failed = imports.batches(Admins.of(me), 0, RECENT_BATCHES).stream().map(ImportAdministration.BatchLine::batch)
                .filter(b -> b.status() == BatchStatus.FAILED || b.interrupted(now)
                        || b.counts().recordsRejected() > 0)
                .count();
        return new Queues(reviews.open(PageRequest.of(1, 1)).total(), consents.countUnreviewedEmergencies(),
                emergencies.overdue(), failed);
    }
}
