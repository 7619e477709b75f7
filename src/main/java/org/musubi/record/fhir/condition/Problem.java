package org.musubi.record.fhir.condition;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One active diagnosis of a person, once however many facilities sent it ({@link ActiveProblems}).
 *
 * @param title   what it is called: the words of the sender chosen to name it
 * @param code    the chosen sender's {@code Condition.code} (its codings, for a letter's document)
 * @param onset   the earliest onset any sender gives, or {@code null}
 * @param sources the sending facilities' ids, the earliest onset's first
 * @param marks   what a clinician must see beside it ({@link ProblemMark}), in the enum's order
 * @param refs    the stored Conditions it stands for ({@code Condition/<id>}), the chosen sender's first
 */
public record Problem(String title, JsonNode code, LocalDate onset, List<Long> sources, Set<ProblemMark> marks,
                      List<String> refs) {

    public Problem {
        sources = List.copyOf(sources);
        marks = marks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(marks));
        refs = List.copyOf(refs);
    }

    public boolean suspected() {
        return marks.contains(ProblemMark.SUSPECTED);
    }

    public boolean main() {
        return marks.contains(ProblemMark.MAIN);
    }

    /** The marks' message keys, in {@link ProblemMark}'s order. */
    public List<String> markKeys() {
        return marks.isEmpty() ? List.of() : EnumSet.copyOf(marks).stream().map(ProblemMark::key).toList();
    }
}
