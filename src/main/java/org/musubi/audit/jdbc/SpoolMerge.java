package org.musubi.audit.jdbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditChain;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.MergeAuditSpool;
import org.musubi.audit.MergedSpoolListener;
import org.musubi.audit.Outcome;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link MergeAuditSpool} into PostgreSQL: the spool is verified, then merged in batches, each one transaction that
 * holds the chain head, looks up which of its records the trail has already (by their marked reasons, among the rows
 * of the same times, which the time index finds) and chains the others to the head as {@link JdbcAuditTrail} chains any
 * row. Concurrent merges (a server and the command) queue on the head, so none adds a record twice.
 */
@Component
class SpoolMerge implements MergeAuditSpool {

    private static final Logger log = LoggerFactory.getLogger(SpoolMerge.class);
    static final int BATCH = 500;
    private static final Pattern MARK = Pattern.compile("\\[standby spool ([0-9a-f]{24})#(\\d+)]$");
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Audit trail;
    private final AuditSpool spool;
    private final Standby standby;
    private final List<MergedSpoolListener> listeners;

    SpoolMerge(JdbcClient jdbc, PlatformTransactionManager transactions, Audit trail, AuditSpool spool,
               Standby standby, List<MergedSpoolListener> listeners) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.trail = trail;
        this.spool = spool;
        this.standby = standby;
        this.listeners = List.copyOf(listeners);
    }

    /** The server merges a waiting spool at start and when the standby it runs on is promoted. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart(ApplicationReadyEvent ready) {
        if (ready.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
            return;
        }
        standby.whenWritable(this::mergeLogged);
        if (!standby.readOnly()) {
            mergeLogged();
        }
    }

    private void mergeLogged() {
        try {
            Merged merged = merge();
            if (merged.spoolId() != null) {
                log.warn("Merged the standby's audit spool {}: {} records, {} added, {} already in the trail",
                        merged.spoolId(), merged.records(), merged.added(), merged.alreadyThere());
            }
        } catch (RuntimeException e) {
            log.error("The standby's audit spool was not merged: {}", e.getMessage());
        }
    }

    /** The mark a merged record's reason ends with. */
    static String mark(String spoolId, long n) {
        return MergedSpoolListener.mark(spoolId, n);
    }

    @Override
    public Merged merge() {
        if (standby.readOnly()) {
            throw new ReadOnlyStandbyException();
        }
        var waiting = spool.read();
        if (waiting.isEmpty()) {
            return Merged.NOTHING;
        }
        AuditSpool.Contents contents = waiting.get();
        long added = 0;
        List<AuditRecord> records = contents.records();
        for (int from = 0; from < records.size(); from += BATCH) {
            List<AuditRecord> batch = records.subList(from, Math.min(records.size(), from + BATCH));
            added += transaction.execute(status -> mergeBatch(contents.spoolId(), batch));
        }
        for (MergedSpoolListener listener : listeners) {
            listener.merged(contents.spoolId(), records);
        }
        Merged merged = new Merged(contents.spoolId(), records.size(), added, records.size() - added);
        trail.record(AuditEntry.of(AuditAction.AUDIT_SPOOL_MERGE, Outcome.PERMIT).on("AuditSpool", contents.spoolId())
                .reason(merged.records() + " records, " + merged.added() + " added, " + merged.alreadyThere()
                        + " already merged").by(Actor.system("standby spool")));
        spool.retire(contents);
        return merged;
    }

    private int mergeBatch(String spoolId, List<AuditRecord> batch) {
        jdbc.sql("SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE").query(Long.class).single();
        Set<Long> present = merged(spoolId, batch);
        List<AuditRecord> missing = new ArrayList<>();
        for (AuditRecord row : batch) {
            if (!present.contains(row.seq())) {
                String mark = mark(spoolId, row.seq());
                missing.add(new AuditRecord(0, row.occurredAt(), row.actor(), row.origin(), row.action(),
                        row.resourceType(), row.resourceIds(), row.patientId(), row.purpose(), row.outcome(),
                        row.reason() == null || row.reason().isEmpty() ? mark : row.reason() + " " + mark,
                        AuditChain.GENESIS, null));
            }
        }
        if (!missing.isEmpty()) {
            JdbcAuditTrail.appendAll(jdbc, List.of(missing));
        }
        return missing.size();
    }

    /** The numbers of {@code batch}'s records that the trail holds already. */
    private Set<Long> merged(String spoolId, List<AuditRecord> batch) {
        OffsetDateTime from = batch.stream().map(AuditRecord::occurredAt).min(Comparator.naturalOrder()).orElseThrow()
                .atOffset(ZoneOffset.UTC);
        OffsetDateTime to = batch.stream().map(AuditRecord::occurredAt).max(Comparator.naturalOrder()).orElseThrow()
                .atOffset(ZoneOffset.UTC);
        Set<Long> present = new HashSet<>();
        jdbc.sql("SELECT reason FROM audit_event WHERE occurred_at BETWEEN ? AND ? AND reason LIKE ?")
                .params(from, to, "%[standby spool " + spoolId + "#%").query(String.class).list().forEach(reason -> {
                    Matcher matcher = MARK.matcher(reason);
                    if (matcher.find() && matcher.group(1).equals(spoolId)) {
                        present.add(Long.parseLong(matcher.group(2)));
                    }
                });
        return present;
    }
}
