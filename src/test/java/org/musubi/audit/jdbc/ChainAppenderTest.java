package org.musubi.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditChain;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Origin;
import org.musubi.audit.Outcome;

/** The group-commit appender, with an in-memory chain standing in for the database transaction. */
class ChainAppenderTest {

    /** An in-memory chain: appends every batch of a group or none, like the one transaction it stands for. */
    static final class MemoryChain {
        final List<AuditRecord> rows = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate = new CountDownLatch(0);

        List<List<AuditRecord>> write(List<List<AuditRecord>> batches) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (batches.stream().flatMap(List::stream).anyMatch(row -> "poison".equals(row.reason()))) {
                throw new IllegalArgumentException("refused row");
            }
            groupSizes.add(batches.size());
            List<List<AuditRecord>> sealed = new ArrayList<>();
            for (List<AuditRecord> batch : batches) {
                List<AuditRecord> done = new ArrayList<>();
                for (AuditRecord row : batch) {
                    AuditRecord last = rows.isEmpty() ? null : rows.getLast();
                    AuditRecord chained = row.chainedTo(rows.size() + 1, last == null ? AuditChain.GENESIS : last.hash());
                    rows.add(chained);
                    done.add(chained);
                }
                sealed.add(done);
            }
            return sealed;
        }
    }

    private static AuditRecord row(String reason) {
        return new AuditRecord(0, Instant.parse("2026-11-24T09:00:00Z"), Actor.anonymous(), Origin.local("r"),
                AuditAction.READ, "Patient", List.of("1"), null, null, Outcome.PERMIT, reason, AuditChain.GENESIS, null);
    }

    @Test
    void requestsWaitingTogetherShareOneGroupAndKeepTheirRowsConsecutive() throws Exception {
        MemoryChain chain = new MemoryChain();
        try (ChainAppender appender = new ChainAppender(chain::write);
             ExecutorService pool = Executors.newFixedThreadPool(16)) {
            chain.gate = new CountDownLatch(1);
            List<Future<List<AuditRecord>>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String name = "request-" + i;
                results.add(pool.submit(() -> appender.append(List.of(row(name + "/1"), row(name + "/2"), row(name + "/3")))));
            }
            Thread.sleep(300);
            chain.gate.countDown();
            for (Future<List<AuditRecord>> result : results) {
                List<AuditRecord> sealed = result.get(10, TimeUnit.SECONDS);
                assertThat(sealed).hasSize(3);
                assertThat(sealed.get(1).seq()).isEqualTo(sealed.get(0).seq() + 1);
                assertThat(sealed.get(2).seq()).isEqualTo(sealed.get(1).seq() + 1);
                assertThat(sealed.get(0).reason()).endsWith("/1");
                assertThat(sealed.get(2).reason()).endsWith("/3");
                assertThat(sealed.get(1).prevHash()).isEqualTo(sealed.get(0).hash());
            }
        }
        assertThat(chain.rows).hasSize(192);
        assertThat(chain.groupSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(64);
        assertThat(chain.groupSizes).as("requests that waited together were written together").hasSizeLessThan(64);
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        chain.rows.forEach(verifier::accept);
        assertThat(verifier.finish(chain.rows.size(), chain.rows.getLast().hash()).intact()).isTrue();
    }

    @Test
    void aBatchTheWriterRefusesFailsAloneAndTheOthersOfItsGroupAreKept() throws Exception {
        MemoryChain chain = new MemoryChain();
        try (ChainAppender appender = new ChainAppender(chain::write);
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            chain.gate = new CountDownLatch(1);
            List<Future<List<AuditRecord>>> good = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "good-" + i;
                good.add(pool.submit(() -> appender.append(List.of(row(name)))));
            }
            Future<List<AuditRecord>> bad = pool.submit(() -> appender.append(List.of(row("poison"))));
            Thread.sleep(300);
            chain.gate.countDown();
            for (Future<List<AuditRecord>> result : good) {
                assertThat(result.get(10, TimeUnit.SECONDS)).hasSize(1);
            }
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("refused row");
        }
        assertThat(chain.rows).extracting(AuditRecord::reason).hasSize(6).doesNotContain("poison");
    }

    @Test
    void theCallerGetsTheWritersExceptionAndNothingIsAppended() {
        MemoryChain chain = new MemoryChain();
        try (ChainAppender appender = new ChainAppender(chain::write)) {
            assertThatThrownBy(() -> appender.append(List.of(row("poison"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("refused row");
            assertThat(appender.append(List.of(row("after")))).extracting(AuditRecord::seq).containsExactly(1L);
        }
    }

    @Test
    void aClosedAppenderRefusesNewRows() {
        MemoryChain chain = new MemoryChain();
        ChainAppender appender = new ChainAppender(chain::write);
        appender.append(List.of(row("before")));
        appender.close();
        assertThatThrownBy(() -> appender.append(List.of(row("after")))).isInstanceOf(IllegalStateException.class);
        assertThat(chain.rows).extracting(AuditRecord::reason).containsExactly("before");
    }
}
