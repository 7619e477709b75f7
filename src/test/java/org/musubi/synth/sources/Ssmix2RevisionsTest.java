package org.musubi.synth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updated orders keep their first version as flag 2; deleted ones keep the order and its cancellation as flag 0. */
class Ssmix2RevisionsTest {

    @TempDir
    static Path out;
    static Map<String, List<String[]>> versions = new HashMap<>();

    @BeforeAll
    static void write() {
        SourceFiles.write(SourceTrees.network(3, 30), out, SourceOptions.defaults(3).withMessagesPerPatient(20)
                .withRevisions(10, 5));
        for (Path file : SourceTrees.ssmix2Files(out)) {
            String[] f = file.getFileName().toString().split("_");
            String key = out.relativize(file).getName(0) + "_" + f[0] + "_" + f[1] + "_" + f[2] + "_" + f[3];
            versions.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
    }

    @Test
    void anUpdatedOrderHasItsFirstVersionAsFlag2AndTheLaterUpdateAsFlag1() {
        List<List<String[]>> updated = versions.values().stream()
                .filter(v -> v.stream().anyMatch(f -> f[6].equals("2")) && !v.getFirst()[2].equals("PPR-01")).toList();
        assertThat(updated).isNotEmpty().allSatisfy(v -> {
            assertThat(v).hasSize(2);
            String[] old = v.stream().filter(f -> f[6].equals("2")).findFirst().orElseThrow();
            String[] current = v.stream().filter(f -> f[6].equals("1")).findFirst().orElseThrow();
            assertThat(current[4]).isGreaterThan(old[4]);
        });
    }

    @Test
    void aDeletedOrderKeepsTheOrderAndItsCancellationBothAsFlag0() {
        List<List<String[]>> deleted = versions.values().stream()
                .filter(v -> v.stream().anyMatch(f -> f[6].equals("0"))).toList();
        assertThat(deleted).isNotEmpty().allSatisfy(v -> {
            assertThat(v).hasSize(2).allSatisfy(f -> assertThat(f[6]).isEqualTo("0"));
            Path cancel = findFile(v.stream().max((a, b) -> a[4].compareTo(b[4])).orElseThrow());
            assertThat(SourceTrees.hl7(cancel)).contains("\rORC|CA|");
        });
    }

    @Test
    void everyOtherOrderHasOneCurrentVersion() {
        assertThat(versions.values().stream().filter(v -> v.size() == 1))
                .isNotEmpty().allSatisfy(v -> assertThat(v.getFirst()[6]).isEqualTo("1"));
    }

    @Test
    void theProblemListKeepsEarlierVersionsAsFlag2() {
        assertThat(versions.values().stream().filter(v -> v.getFirst()[2].equals("PPR-01")))
                .allSatisfy(v -> assertThat(v.stream().filter(f -> f[6].equals("1"))).hasSize(1))
                .anySatisfy(v -> assertThat(v).hasSizeGreaterThan(1));
    }

    private static Path findFile(String[] fields) {
        String name = String.join("_", fields);
        return SourceTrees.ssmix2Files(out).stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
}
