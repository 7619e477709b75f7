package org.musubi.medication;

import java.time.LocalDate;
import java.util.List;

/**
 * The same ingredient (YJ characters 1–7) from different prescribing institutions or different
 * pharmacies, taken over overlapping periods: 「同一成分の重複: アムロジピン（A病院・B薬局）」.
 */
public record SameIngredient(String ingredientCode, String ingredientName, List<String> entryIds, List<String> sources,
                             LocalDate overlapStart, LocalDate overlapEnd) implements MedicationAlert {

    public static final String MESSAGE = "medication.alert.sameIngredient";

    public SameIngredient {
        entryIds = List.copyOf(entryIds);
        sources = List.copyOf(sources);
    }

    @Override
    public String messageKey() {
        return MESSAGE;
    }

    /** {0} ingredient, {1} sources joined with ・, {2} and {3} the overlap (ISO dates). */
    @Override
    public List<Object> messageArgs() {
        return List.of(ingredientName, String.join("・", sources), overlapStart.toString(), overlapEnd.toString());
    }
}
