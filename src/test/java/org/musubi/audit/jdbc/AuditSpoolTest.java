package org.musubi.audit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.Actor;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditChain;
import org.musubi.audit.AuditProperties;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Origin;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.Standby;

/** The standby's audit spool: chained, read back verified, a torn last line dropped, any edit refused. */
class AuditSpoolTest {

    @TempDir
    Path directory;

    @Test
    void recordsAreChainedAndReadBackInOrderAcrossRestarts() {
        AuditSpool spool = new AuditSpool(Standby.fixed(true), new AuditProperties(directory));
        List<AuditRecord> first = spool.append(List.of(row("a"), row("b")));
        List<AuditRecord> second = new AuditSpool(Standby.fixed(true), new AuditProperties(directory)).append(List.of(row("c")));

        AuditSpool.Contents read = spool.read().orElseThrow();
        assertThat(spool.active()).isTrue();
        assertThat(first).extracting(AuditRecord::seq).containsExactly(1L, 2L);
        assertThat(second).extracting(AuditRecord::seq).containsExactly(3L);
        assertThat(read.records()).extracting(AuditRecord::reason).containsExactly("a", "b", "c");
        assertThat(read.records().getFirst().prevHash()).isEqualTo(AuditSpool.genesis(read.spoolId()));
        assertThat(read.records().get(2).prevHash()).isEqualTo(first.get(1).hash());
        assertThat(read.records().get(1).actor()).isEqualTo(new Actor(7L, "doctor", 3L, "DOCTOR"));
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndTheSpoolGoesOn() throws Exception {
        AuditSpool spool = new AuditSpool(Standby.fixed(true), new AuditProperties(directory));
        spool.append(List.of(row("a")));
        Files.writeString(spool.file(), "{\"n\":2,\"at\":1", StandardOpenOption.APPEND);

        new AuditSpool(Standby.fixed(true), new AuditProperties(directory)).append(List.of(row("b")));

        assertThat(spool.read().orElseThrow().records()).extracting(AuditRecord::reason).containsExactly("a", "b");
    }

    @Test
    void anEditedRemovedOrReorderedRecordIsRefused() throws Exception {
        AuditSpool spool = new AuditSpool(Standby.fixed(true), new AuditProperties(directory));
        spool.append(List.of(row("a"), row("b"), row("c")));
        List<String> lines = Files.readAllLines(spool.file());

        for (List<String> tampered : List.of(
                replace(lines, 2, lines.get(2).replace("\"reason\":\"b\"", "\"reason\":\"B\"")),
                without(lines, 2),
                swap(lines, 1, 2),
                replace(lines, 0, lines.get(0).replaceFirst("\"spool\":\"[0-9a-f]{24}\"", "\"spool\":\"" + "ab".repeat(12) + "\"")))) {
            Files.write(spool.file(), tampered, StandardCharsets.UTF_8);
            assertThatThrownBy(spool::read).isInstanceOf(AuditSpool.TamperedSpool.class)
                    .hasMessageContaining("hash chain").hasMessageContaining("ハッシュ連鎖");
        }
    }

    @Test
    void aMergedSpoolIsMovedAsideAndTheNextOneStartsAfresh() {
        AuditSpool spool = new AuditSpool(Standby.fixed(true), new AuditProperties(directory));
        spool.append(List.of(row("a")));
        AuditSpool.Contents first = spool.read().orElseThrow();

        spool.retire(first);
        spool.append(List.of(row("b")));

        assertThat(directory.resolve(AuditSpool.MERGED).resolve("audit-spool-" + first.spoolId() + ".jsonl")).exists();
        AuditSpool.Contents next = spool.read().orElseThrow();
        assertThat(next.spoolId()).isNotEqualTo(first.spoolId());
        assertThat(next.records()).extracting(AuditRecord::seq, AuditRecord::reason).containsExactly(
                Tuple.tuple(1L, "b"));
        assertThat(new AuditSpool(Standby.fixed(false), new AuditProperties(directory)).active()).isFalse();
    }

    private static AuditRecord row(String reason) {
        return new AuditRecord(0, Instant.parse("2026-01-02T03:04:05.678Z"), new Actor(7L, "doctor", 3L, "DOCTOR"),
                new Origin("10.0.0.1", "browser", "req-1"), AuditAction.READ, "Patient", List.of("1", "2"), "R123",
                Purpose.TREATMENT, Outcome.PERMIT, reason, AuditChain.GENESIS, null);
    }

    private static List<String> replace(List<String> lines, int index, String line) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, line);
        return copy;
    }

    private static List<String> without(List<String> lines, int index) {
        List<String> copy = new ArrayList<>(lines);
        copy.remove(index);
        return copy;
    }

    private static List<String> swap(List<String> lines, int one, int other) {
        List<String> copy = new ArrayList<>(lines);
        Collections.swap(copy, one, other);
        return copy;
    }
}
