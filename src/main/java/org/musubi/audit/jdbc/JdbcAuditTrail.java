package org.musubi.audit.jdbc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.musubi.audit.Actor;
import org.musubi.audit.ActorSource;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditChain;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditQuery;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.AuditTrail;
import org.musubi.audit.Origin;
import org.musubi.audit.Outcome;
import org.musubi.audit.VerificationReport;
import org.musubi.database.ArraySlices;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail in PostgreSQL: appends lock the chain head, so the chain stays one line. Requests' own-transaction
 * appends go through one {@link ChainAppender} (group commit: one lock and one commit for all requests waiting at a
 * moment); appends inside a caller's transaction lock the head in that transaction. On a read-only standby the records
 * go to the {@link AuditSpool} instead, and {@link SpoolMerge} brings them into the chain once the primary is back.
 */
@Repository
class JdbcAuditTrail implements Audit, AuditTrail, DisposableBean {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate callersTransaction;
    private final ObjectProvider<ActorSource> actors;
    private final Clock clock = Clock.systemUTC();
    private final ChainAppender appender;
    private final TransactionTemplate allOrNothing;
    /** The PERMIT entries kept aside by {@link #allOrNothing} on this thread until its work commits; null outside. */
    private final ThreadLocal<List<AuditEntry>> keptAside = new ThreadLocal<>();
    /** Where the records go instead while Musubi runs on a read-only standby. */
    private final AuditSpool spool;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
                   ObjectProvider<ActorSource> actors, AuditSpool spool) {
        this.jdbc = jdbc;
        this.spool = spool;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(1000);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.callersTransaction = new TransactionTemplate(transactions);
        this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        this.actors = actors;
        this.allOrNothing = new TransactionTemplate(transactions);
        this.allOrNothing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.appender = new ChainAppender(batches -> ownTransaction.execute(status -> appendAll(batches)));
    }

    @Override
    public void destroy() {
        appender.close();
    }

    @Override
    public AuditRecord record(AuditEntry entry) {
        List<AuditRecord> recorded = recordAll(List.of(entry));
        return recorded.isEmpty() ? null : recorded.getFirst();
    }

    /** {@inheritDoc} Within {@link #allOrNothing}, the PERMIT entries are kept aside and only the others recorded. */
    @Override
    public List<AuditRecord> recordAll(List<AuditEntry> entries) {
        List<AuditEntry> aside = keptAside.get();
        if (aside != null) {
            entries.stream().filter(e -> e.outcome() == Outcome.PERMIT).forEach(aside::add);
            entries = entries.stream().filter(e -> e.outcome() != Outcome.PERMIT).toList();
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        return spool.active() ? spool.append(unsealed(entries)) : appender.append(unsealed(entries));
    }

    @Override
    public <T> T allOrNothing(Supplier<T> work) {
        if (keptAside.get() != null) {
            return work.get();
        }
        List<AuditEntry> aside = new ArrayList<>();
        keptAside.set(aside);
        T result;
        try {
            result = allOrNothing.execute(status -> {
                T done = work.get();
                if (!aside.isEmpty() && !spool.active()) {
                    // The PERMIT rows join the work's own transaction, last (the chain head is locked only from here
                    // to the commit): a node killed between a commit and a later append would have left the writes
                    // without their audit rows (issue 41's two-node drill found one).
                    appendAll(List.of(unsealed(List.copyOf(aside))));
                    aside.clear();
                }
                return done;
            });
        } finally {
            keptAside.remove();
        }
        recordAll(aside);
        return result;
    }

    @Override
    public List<AuditRecord> recordAllInTransaction(List<AuditEntry> entries) {
        if (!entries.isEmpty() && spool.active()) {
            return spool.append(unsealed(entries));
        }
        return entries.isEmpty() ? List.of() : callersTransaction.execute(status -> appendAll(List.of(unsealed(entries))).getFirst());
    }

    @Override
    public boolean recordedForCurrentRequest() {
        return RequestOrigins.recorded();
    }

    private List<AuditRecord> unsealed(List<AuditEntry> entries) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Origin origin = RequestOrigins.current();
        RequestOrigins.markRecorded();
        return entries.stream().map(entry -> new AuditRecord(0, now, actor(entry), origin,
                entry.action(), entry.resourceType(), entry.resourceIds(), entry.patientId(), entry.purpose(),
                entry.outcome(), entry.reason(), AuditChain.GENESIS, null)).toList();
    }

    private Actor actor(AuditEntry entry) {
        return entry.actor() != null ? entry.actor() : actors.getIfAvailable(() -> Actor::anonymous).current();
    }

    /**
     * Chains the batches' rows to the locked head one after another, inserts them (in slices: {@link ArraySlices})
     * and moves the head; returns each batch sealed.
     */
    private List<List<AuditRecord>> appendAll(List<List<AuditRecord>> batches) {
        return appendAll(jdbc, batches);
    }

    /** As {@link #appendAll(List)}, on {@code jdbc}, in the caller's transaction (for {@link SpoolMerge}). */
    static List<List<AuditRecord>> appendAll(JdbcClient jdbc, List<List<AuditRecord>> batches) {
        ChainHead head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getBytes(2))).single();
        List<List<AuditRecord>> sealedBatches = new ArrayList<>(batches.size());
        List<AuditRecord> all = new ArrayList<>();
        long seq = head.seq();
        byte[] hash = head.hash();
        for (List<AuditRecord> batch : batches) {
            List<AuditRecord> sealed = new ArrayList<>(batch.size());
            for (AuditRecord row : batch) {
                AuditRecord chained = row.chainedTo(++seq, hash);
                hash = chained.hash();
                sealed.add(chained);
            }
            all.addAll(sealed);
            sealedBatches.add(List.copyOf(sealed));
        }
        for (List<AuditRecord> slice : ArraySlices.of(all, AuditRows::size)) {
            jdbc.sql(AuditRows.INSERT_ALL).params(AuditRows.columns(slice)).update();
        }
        jdbc.sql("UPDATE audit_chain_head SET seq = :seq, hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
        return sealedBatches;
    }

    @Override
    public Page<AuditRecord> search(AuditQuery query, PageRequest page) {
        AuditFilter filter = AuditFilter.of(query);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + filter.where())
                .params(filter.params()).query(Long.class).single();
        var rows = jdbc.sql("SELECT * FROM audit_event" + filter.where() + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(filter.params()).param("limit", page.size()).param("offset", page.offset())
                .query(AuditRows::read).list();
        return new Page<>(rows, page, total);
    }

    @Override
    public Page<AuditRecord> viewsOf(List<String> patientIds, Long exceptUserId, PageRequest page) {
        String where = """
                \sWHERE patient_id = ANY(:patients) AND outcome = 'PERMIT' AND action = ANY(:actions)
                   AND (CAST(:except AS bigint) IS NULL OR user_id IS DISTINCT FROM :except)""";
        String[] patients = patientIds.toArray(String[]::new);
        String[] actions = VIEWS.stream().map(Enum::name).toArray(String[]::new);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).param("patients", patients)
                .param("actions", actions).param("except", exceptUserId).query(Long.class).single();
        var rows = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .param("patients", patients).param("actions", actions).param("except", exceptUserId)
                .param("limit", page.size()).param("offset", page.offset()).query(AuditRows::read).list();
        return new Page<>(rows, page, total);
    }

    @Override
    public Map<String, Instant> lastReadBy(long userId, Collection<String> patientIds) {
        Map<String, Instant> last = new HashMap<>();
        if (patientIds.isEmpty()) {
            return last;
        }
        // audit_event_patient (patient_id, occurred_at) narrows to the few patients of one page
        jdbc.sql("""
                SELECT patient_id, max(occurred_at) AS at FROM audit_event
                 WHERE patient_id = ANY(:patients) AND user_id = :user AND action = 'READ' AND outcome = 'PERMIT'
                 GROUP BY patient_id""")
                .param("patients", patientIds.toArray(String[]::new)).param("user", userId)
                .query((rs, n) -> last.put(rs.getString("patient_id"), rs.getTimestamp("at").toInstant())).list();
        return last;
    }

    @Override
    public Optional<AuditRecord> find(long seq) {
        return jdbc.sql("SELECT * FROM audit_event WHERE seq = ?").param(seq).query(AuditRows::read).optional();
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditRecord> sink) {
        AuditFilter filter = AuditFilter.of(query);
        ownTransaction.executeWithoutResult(status -> streamRows(
                "SELECT * FROM audit_event" + filter.where().replaceAll(":(\\w+)", "?") + " ORDER BY seq",
                filter.positional(), sink));
    }

    @Override
    public VerificationReport verify() {
        return verify(rows -> { });
    }

    @Override
    public VerificationReport verify(LongConsumer progress) {
        return ownTransaction.execute(status -> {
            jdbc.sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").update();
            ChainHead head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1")
                    .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getBytes(2))).single();
            AuditChain.Verifier verifier = new AuditChain.Verifier();
            long[] rows = {0};
            streamRows("SELECT * FROM audit_event WHERE seq <= ? ORDER BY seq", new Object[] {head.seq()}, row -> {
                verifier.accept(row);
                if (++rows[0] % 100_000 == 0) {
                    progress.accept(rows[0]);
                }
            });
            return verifier.finish(head.seq(), head.hash());
        });
    }

    private void streamRows(String sql, Object[] args, Consumer<AuditRecord> sink) {
        streaming.query(sql, rs -> {
            sink.accept(AuditRows.read(rs, 0));
        }, args);
    }

    record ChainHead(long seq, byte[] hash) {
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
