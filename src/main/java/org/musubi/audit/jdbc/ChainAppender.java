package org.musubi.audit.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.musubi.audit.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that appends every request's audit rows to the chain (group commit): the requests waiting at a moment
 * go into one transaction that locks the chain head once, chains their rows one batch after another and commits;
 * each request waits until the transaction holding its rows has committed (durable: PostgreSQL's synchronous
 * commit), so nothing changes for the caller except that concurrent requests no longer queue one by one on the
 * chain-head row. A group whose transaction fails is retried batch by batch, so one bad batch fails alone.
 *
 * <p>The chain head stays the lock across processes (a command-line tool, a second instance, writes that audit
 * inside their own transaction): the appender is one more writer that holds it once per group.
 */
final class ChainAppender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainAppender.class);
    /** Rows per group: large enough to absorb a burst, small enough to keep one transaction short. */
    static final int MAX_GROUP_ROWS = 2_000;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<List<List<AuditRecord>>, List<List<AuditRecord>>> writeGroup;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param writeGroup appends the batches, in order, in one transaction and returns them sealed (chained), or throws
     *                   and appends none
     */
    ChainAppender(Function<List<List<AuditRecord>>, List<List<AuditRecord>>> writeGroup) {
        this.writeGroup = writeGroup;
        this.thread = Thread.ofPlatform().name("audit-appender").daemon(true).unstarted(this::run);
        this.thread.start();
    }

    /** Appends the rows as consecutive rows of the chain and returns them sealed, once committed. */
    List<AuditRecord> append(List<AuditRecord> unsealed) {
        if (closed) {
            throw new IllegalStateException("the audit trail is closed");
        }
        Pending pending = new Pending(unsealed, new CompletableFuture<>());
        queue.add(pending);
        if (closed && !thread.isAlive()) {
            failLeftovers();
        }
        try {
            return pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int rows = first.unsealed().size();
                Pending next;
                while (rows < MAX_GROUP_ROWS && (next = queue.poll()) != null) {
                    group.add(next);
                    rows += next.unsealed().size();
                }
                write(group);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                LOG.error("The audit appender failed outside a write; the waiting requests are told", e);
                group.forEach(pending -> pending.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        failLeftovers();
    }

    private void failLeftovers() {
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the audit trail is closed"));
        }
    }

    private void write(List<Pending> group) {
        try {
            complete(group, writeGroup.apply(group.stream().map(Pending::unsealed).toList()));
        } catch (RuntimeException | Error e) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(e);
                return;
            }
            for (Pending pending : group) {
                try {
                    complete(List.of(pending), writeGroup.apply(List.of(pending.unsealed())));
                } catch (RuntimeException | Error alone) {
                    pending.done().completeExceptionally(alone);
                }
            }
        }
    }

    private static void complete(List<Pending> group, List<List<AuditRecord>> sealed) {
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(sealed.get(i));
        }
    }

    /** Stops taking rows, writes what is waiting and ends the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(List<AuditRecord> unsealed, CompletableFuture<List<AuditRecord>> done) {
    }
}
