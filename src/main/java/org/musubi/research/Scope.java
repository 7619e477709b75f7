package org.musubi.research;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.policy.DataCategory;

/**
 * The data a project wants, or was approved: the cohort's criteria, the data categories and, per category, the fields
 * (top-level element names, as the de-identified extraction keeps them; the forms ask for {@link DataItem}s, in words,
 * and store their elements).
 */
public record Scope(Criteria criteria, List<String> categories, Map<String, List<String>> fields) {

    /** Categories a project may ask for: clinical ones, never the flags, administrative data or demographics. */
    public static final Set<String> CATEGORIES = Set.of(DataCategory.ENCOUNTERS.name(), DataCategory.DIAGNOSES.name(),
            DataCategory.ALLERGIES.name(), DataCategory.MEDICATIONS.name(), DataCategory.LAB_RESULTS.name(),
            DataCategory.VITALS.name(), DataCategory.PROCEDURES.name(), DataCategory.IMMUNIZATIONS.name());

    public Scope {
        criteria = criteria == null ? Criteria.none() : criteria;
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (!CATEGORIES.containsAll(categories)) {
            throw new Criteria.Invalid("categories");
        }
        Map<String, List<String>> f = new LinkedHashMap<>();
        List<String> chosen = categories;
        if (fields != null) {
            fields.forEach((category, paths) -> {
                if (!chosen.contains(category)) {
                    throw new Criteria.Invalid("fields");
                }
                List<String> clean = paths.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
                if (clean.stream().anyMatch(p -> !p.matches("[A-Za-z][A-Za-z0-9.\\[\\]]{0,99}"))) {
                    throw new Criteria.Invalid("fields");
                }
                f.put(category, List.copyOf(clean));
            });
        }
        fields = Map.copyOf(f);
    }

    /** A category's fields in words: the items ({@link DataItem}), and any field no item names. */
    public DataItem.Read items(String category) {
        return DataItem.read(DataCategory.valueOf(category), fields.getOrDefault(category, List.of()));
    }
}
