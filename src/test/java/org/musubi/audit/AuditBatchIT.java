package org.musubi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.musubi.database.ArraySlices;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Audit#recordAll}: a batch becomes consecutive rows of the one chain, interleaving safely with single appends. */
@MusubiIntegrationTest
class AuditBatchIT {

    @Autowired
    Audit audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    DataSource dataSource;

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
    void aBatchLargerThanOneStatementIsStillOneRunOfTheChain() {
        // An import chunk's audit rows are inserted in slices (ArraySlices): 3,000 rows of long reasons and
        // many resource ids take dozens of statements; the rows must still be consecutive, in order, intact.
        String reason = "取込 import ".repeat(40);
        List<AuditEntry> entries = IntStream.range(0, 3_000).mapToObj(n -> AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT)
                .on("MedicationDispense", IntStream.range(0, 6).mapToObj(i -> "r" + n + "-" + i).toArray())
                .patient("p" + n).reason(reason + n)).toList();

        List<AuditRecord> batch = audit.recordAll(entries);
        AuditRecord after = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT));

        assertThat(ArraySlices.of(batch, r -> 3 * r.reason().length() + 120)).hasSizeGreaterThan(10);
        assertThat(batch).extracting(AuditRecord::seq)
                .containsExactlyElementsOf(IntStream.range(0, 3_000).mapToObj(n -> batch.getFirst().seq() + n).toList());
        assertThat(after.prevHash()).isEqualTo(batch.getLast().hash());
        List<AuditRecord> stored = new ArrayList<>();
        trail.export(AuditQuery.all(), row -> {
            if (row.seq() >= batch.getFirst().seq() && row.seq() <= batch.getLast().seq()) {
                stored.add(row);
            }
        });
        assertThat(stored).extracting(AuditRecord::reason).containsExactlyElementsOf(entries.stream().map(AuditEntry::reason).toList());
        assertThat(stored.get(1_234).resourceIds()).containsExactly("r1234-0", "r1234-1", "r1234-2", "r1234-3", "r1234-4", "r1234-5");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void allOrNothingRecordsItsPermitsOnlyOnceItsWorkCommitsAndItsRefusalsAtOnce() {
        String committed = "aon-" + UUID.randomUUID();
        String rolledBack = "aon-" + UUID.randomUUID();

        AuditRecord inside = audit.allOrNothing(() -> {
            AuditRecord kept = audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("Observation", committed));
            assertThat(count(committed)).as("a PERMIT row before the work commits").isZero();
            return kept;
        });
        assertThat(inside).as("an entry kept aside has no row yet").isNull();
        assertThat(count(committed)).as("the PERMIT row once the work committed").isEqualTo(1);

        Assertions.assertThatThrownBy(() -> audit.allOrNothing(() -> {
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("Patient", rolledBack));
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on("Observation", rolledBack).reason("refused"));
            assertThat(count(rolledBack)).as("the DENY row is written at once").isEqualTo(1);
            throw new IllegalStateException("entry refused");
        })).hasMessage("entry refused");
        assertThat(outcomes(rolledBack)).as("what was rolled back is not claimed; the refusal is kept").containsExactly("DENY");
        assertThat(trail.verify().intact()).isTrue();
    }

    private long count(String id) {
        return outcomes(id).size();
    }

    /** The outcomes of the rows naming {@code id}, in order. */
    private List<String> outcomes(String id) {
        return JdbcClient.create(dataSource)
                .sql("SELECT outcome FROM audit_event WHERE ? = ANY(resource_ids) ORDER BY seq").param(id).query(String.class).list();
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
