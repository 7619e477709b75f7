package org.musubi.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** Reading the audit trail: search, export and verification. */
public interface AuditTrail {

    Page<AuditRecord> search(AuditQuery query, PageRequest page);

    /**
     * The actions that show a person's data to someone: what a person's own access log lists. An ambulance crew's
     * hand-over is one of them: it lets the receiving hospital open the person's emergency dataset.
     */
    Set<AuditAction> VIEWS = EnumSet.of(AuditAction.READ, AuditAction.SEARCH, AuditAction.EXPORT,
            AuditAction.EMERGENCY_HANDOVER);

    /**
     * A person's access log as the person sees it: the permitted {@link #VIEWS} of the rows naming any of
     * {@code patientIds} (the person's regional ID and the ones the trail knew it by), by anyone but
     * {@code exceptUserId} (the person's own account), newest first. Refusals are not views and are not listed.
     */
    Page<AuditRecord> viewsOf(List<String> patientIds, Long exceptUserId, PageRequest page);

    /**
     * When the user last opened each of these patients' records (their newest permitted {@link AuditAction#READ} row
     * naming the patient), by patient ID; a patient the user never opened is absent. Searches and lists are not
     * openings: a home page that looks for what is new does not move its own mark.
     */
    Map<String, Instant> lastReadBy(long userId, Collection<String> patientIds);

    /** The row with this sequence number, if the trail has it. */
    Optional<AuditRecord> find(long seq);

    /** Every matching row, oldest first, without holding them all in memory. */
    void export(AuditQuery query, Consumer<AuditRecord> sink);

    VerificationReport verify();

    /** As {@link #verify()}, telling {@code progress} how many rows have been checked every 100,000 rows. */
    VerificationReport verify(LongConsumer progress);
}
