package org.musubi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link Audit#recordAll}: a batch becomes consecutive rows of the one chain, interleaving safely with single appends. */
@MusubiIntegrationTest
class AuditBatchIT {

    @Autowired
    Audit audit;
    @Autowired
    AuditTrail trail;

    @Test
    void aBatchIsConsecutiveRowsChainedLikeSingleAppends() {
        AuditRecord before = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", "b0"));

        List<AuditRecord> batch = audit.recordAll(List.of(
                AuditEntry.of(AuditAction.IDENTITY_LINK, Outcome.PERMIT).on("SourcePatient", 1).patient("p1").reason("r1"),
                AuditEntry.of(AuditAction.MATCH_REVIEW, Outcome.PERMIT).on("SourcePatient", 2, 22).reason("r2"),
                AuditEntry.of(AuditAction.PERSON_CREATE, Outcome.PERMIT).on("SourcePatient", 3).patient("p3")));
        AuditRecord after = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", "b4"));

        assertThat(batch).extracting(AuditRecord::seq).containsExactly(before.seq() + 1, before.seq() + 2, before.seq() + 3);
        assertThat(batch.getFirst().prevHash()).isEqualTo(before.hash());
        assertThat(batch.get(1).prevHash()).isEqualTo(batch.getFirst().hash());
        assertThat(batch.get(2).hash()).isEqualTo(AuditChain.hash(batch.get(1).hash(), batch.get(2)));
        assertThat(after.prevHash()).isEqualTo(batch.getLast().hash());
        assertThat(batch).extracting(AuditRecord::reason).containsExactly("r1", "r2", null);
        assertThat(batch.get(1).resourceIds()).containsExactly("2", "22");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void anEmptyBatchWritesNothing() {
        long seq = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT)).seq();

        assertThat(audit.recordAll(List.of())).isEmpty();

        assertThat(audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT)).seq()).isEqualTo(seq + 1);
    }

    @Test
    void concurrentBatchesAndSingleAppendsKeepOneIntactChain() throws Exception {
        long first = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT)).seq();
        List<Future<?>> appends = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                String id = "c" + i;
                appends.add(i % 2 == 0
                        ? pool.submit(() -> audit.recordAll(IntStream.range(0, 25).mapToObj(n -> AuditEntry
                                .of(AuditAction.READ, Outcome.PERMIT).on("Patient", id + "-" + n)).toList()))
                        : pool.submit(() -> audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", id))));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        }
        long last = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT)).seq();

        assertThat(last - first).isGreaterThanOrEqualTo(20 * 25 + 20 + 1);
        assertThat(trail.verify().intact()).isTrue();
    }
}
