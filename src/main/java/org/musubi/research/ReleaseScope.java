package org.musubi.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.deid.DeidConfig;
import org.musubi.deid.QuasiIdentifier;
import org.musubi.policy.DataCategory;

/**
 * What an approved project's de-identified extraction releases, read once from the project: the committee's decision
 * (approved or narrowed, and its day), the cohort's criteria, the data categories and per category the fields kept (none
 * listed: every element, as the de-identification rules leave it), the quasi-identifiers each person's pseudonymous
 * Patient carries (generalised until k), the k to reach and the per-person date shift. The extraction
 * ({@code extraction.ExtractionWork}, {@code extraction.ExtractionDesk}) takes its categories, fields, quasi-identifiers
 * and k from here, and the public research page states the same values to residents deciding whether to opt out —
 * one description, so the page cannot say less than what leaves.
 */
public record ReleaseScope(long projectId, ProjectStatus decision, LocalDate decidedOn, Criteria criteria,
                           List<String> categories, Map<String, List<String>> fields, int k, int dateShiftDays,
                           boolean ownRules) {

    /** The quasi-identifiers the k-anonymity check runs over, and all a released Patient carries. */
    public static final List<QuasiIdentifier> QUASI_IDENTIFIERS = List.of(QuasiIdentifier.AGE, QuasiIdentifier.SEX,
            QuasiIdentifier.MUNICIPALITY, QuasiIdentifier.EVENT_MONTH);

    public ReleaseScope {
        categories = List.copyOf(categories);
        fields = Map.copyOf(fields);
    }

    /** The release of {@code project} (no categories before an approval) with the network's minimum k. */
    public static ReleaseScope of(ResearchProject project, int networkK) {
        Scope approved = project.approved();
        DeidConfig deid = project.deid();
        return new ReleaseScope(project.id(), project.status(), project.decidedAt() == null ? null
                : LocalDate.ofInstant(project.decidedAt(), ResearchDesk.ZONE),
                approved == null ? Criteria.none() : approved.criteria(),
                approved == null ? List.of() : approved.categories().stream().sorted().toList(),
                approved == null ? Map.of() : approved.fields(), k(project, networkK), deid.dateShiftRange(),
                project.deidConfig() != null);
    }

    /** The k an extraction of the project must reach: the committee's rules' k, never below the network's. */
    public static int k(ResearchProject project, int networkK) {
        return Math.max(networkK, project.deid().k());
    }

    /** The categories as the policy names them. */
    public Set<DataCategory> dataCategories() {
        return categories.stream().map(DataCategory::valueOf).collect(Collectors.toSet());
    }

    /** A category's fields in words: the items, and any field no item names. */
    public DataItem.Read items(String category) {
        return DataItem.read(DataCategory.valueOf(category), fields.getOrDefault(category, List.of()));
    }
}
