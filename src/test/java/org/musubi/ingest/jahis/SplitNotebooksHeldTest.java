package org.musubi.ingest.jahis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.readers.HeldParts;
import org.musubi.ingest.readers.SplitNotebooks;

/**
 * A held part of a split notebook is never invisible: every part read gives the batch a row saying it is held,
 * also a part cut from the middle of the data that names no patient of its own.
 */
class SplitNotebooksHeldTest {

    private final SplitNotebooks reader = new SplitNotebooks(new JahisReader(JahisFiles.TODAY), new MemoryParts());

    @Test
    void aPartWithoutItsOwnPatientIsShownOnTheHeldPartsPatient() {
        List<ParseResult> first = read("part-1.txt", JahisSplitTest.part1());
        List<ParseResult> second = read("part-2.txt", JahisSplitTest.part2());

        assertThat(first).singleElement().isInstanceOfSatisfying(ParseResult.Parsed.class, p ->
                assertThat(p.warnings()).extracting(Problem::code).contains("ingest.splitHeld"));
        assertThat(second).as("part 2 names no patient: it is shown on part 1's patient, at its own file")
                .singleElement().isInstanceOfSatisfying(ParseResult.Parsed.class, p -> {
                    assertThat(p.resources()).isEmpty();
                    assertThat(p.patient().localId()).isEqualTo(((ParseResult.Parsed) first.getFirst()).patient().localId());
                    assertThat(p.where().file()).isEqualTo("part-2.txt");
                    assertThat(p.warnings()).singleElement().satisfies(w -> {
                        assertThat(w.code()).isEqualTo("ingest.splitHeld");
                        assertThat(w.english()).contains("Part 2 of 3").contains("[3]");
                    });
                });

        List<ParseResult> whole = read("part-3.txt", JahisSplitTest.part3());
        assertThat(whole.stream().filter(ParseResult.Parsed.class::isInstance).map(ParseResult.Parsed.class::cast)
                .flatMap(p -> p.resources().stream()).map(r -> r.resource()).filter(MedicationDispense.class::isInstance))
                .as("the joined notebook's dispensings").hasSize(2);
    }

    @Test
    void aPartThatComesFirstAndNamesNoPatientIsStillARowOfTheBatch() {
        List<ParseResult> results = read("part-2.txt", JahisSplitTest.part2());

        assertThat(results).as("held, and seen: no part names the patient yet")
                .singleElement().isInstanceOfSatisfying(ParseResult.Rejected.class, r -> {
                    assertThat(r.problem().code()).isEqualTo("ingest.splitHeld");
                    assertThat(r.problem().where().file()).isEqualTo("part-2.txt");
                    assertThat(r.problem().japanese()).contains("保留しました");
                });

        read("part-1.txt", JahisSplitTest.part1());
        List<ParseResult> whole = read("part-3.txt", JahisSplitTest.part3());
        assertThat(whole.stream().filter(ParseResult.Parsed.class::isInstance).map(ParseResult.Parsed.class::cast)
                .flatMap(p -> p.resources().stream()).map(r -> r.resource()).filter(MedicationDispense.class::isInstance))
                .as("the part shown first is still joined with the others").hasSize(2);
    }

    private List<ParseResult> read(String name, byte[] bytes) {
        List<ParseResult> results = new ArrayList<>();
        reader.read(SourceFile.of(name, bytes), JahisFiles.CONTEXT, results::add);
        return results;
    }

    /** Held parts in memory (the real store is a table; its behaviour is tested in the import ITs). */
    private static final class MemoryParts implements HeldParts {

        private final Map<String, Map<Integer, Part>> held = new HashMap<>();

        @Override
        public List<Part> hold(String institutionCode, String dataId, int count, int number, byte[] content) {
            held.computeIfAbsent(institutionCode + "/" + dataId, k -> new HashMap<>()).put(number, new Part(count, number, content));
            return parts(institutionCode, dataId);
        }

        @Override
        public List<Part> parts(String institutionCode, String dataId) {
            return held.getOrDefault(institutionCode + "/" + dataId, Map.of()).values().stream()
                    .sorted(Comparator.comparingInt(Part::number)).toList();
        }

        @Override
        public void release(String institutionCode, String dataId) {
            held.remove(institutionCode + "/" + dataId);
        }
    }
}
