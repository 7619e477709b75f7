package org.musubi.audit;

import java.util.function.Consumer;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** Reading the audit trail: search, export and verification. */
public interface AuditTrail {

    Page<AuditRecord> search(AuditQuery query, PageRequest page);

    /** Every matching row, oldest first, without holding them all in memory. */
    void export(AuditQuery query, Consumer<AuditRecord> sink);

    VerificationReport verify();

    /** As {@link #verify()}, telling {@code progress} how many rows have been checked every 100,000 rows. */
    VerificationReport verify(java.util.function.LongConsumer progress);
}
