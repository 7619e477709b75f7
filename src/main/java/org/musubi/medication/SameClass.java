package org.musubi.medication;

import java.time.LocalDate;
import java.util.List;

/**
 * Different ingredients of the same therapeutic class (薬効分類, YJ characters 1–4) taken over
 * overlapping periods, whatever their sources: 「同じ薬効分類（2149）の重複: カンデサルタン・オルメサルタン」.
 */
public record SameClass(String classCode, List<String> ingredientNames, List<String> entryIds, List<String> sources,
                        LocalDate overlapStart, LocalDate overlapEnd) implements MedicationAlert {

    public static final String MESSAGE = "medication.alert.sameClass";

    public SameClass {
        ingredientNames = List.copyOf(ingredientNames);
        entryIds = List.copyOf(entryIds);
        sources = List.copyOf(sources);
    }

    @Override
    public String messageKey() {
        return MESSAGE;
    }

    /** {0} class code, {1} ingredients joined with ・, {2} sources, {3} and {4} the overlap (ISO dates). */
    @Override
    public List<Object> messageArgs() {
        return List.of(classCode, String.join("・", ingredientNames), String.join("・", sources), overlapStart.toString(),
                overlapEnd.toString());
    }
}
