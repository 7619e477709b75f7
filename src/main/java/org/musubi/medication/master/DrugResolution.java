package org.musubi.medication.master;

import java.util.List;
import java.util.Optional;
import org.musubi.medication.Drug;

/** Which product a name stands for: one ingredient only, else nothing (a name must not guess). */
public final class DrugResolution {

    private DrugResolution() {
    }

    public static Optional<Drug> single(List<Drug> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        String ingredient = candidates.getFirst().ingredientCode();
        return candidates.stream().allMatch(d -> d.ingredientCode().equals(ingredient))
                ? Optional.of(candidates.getFirst()) : Optional.empty();
    }
}
