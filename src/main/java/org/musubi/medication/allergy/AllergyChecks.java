package org.musubi.medication.allergy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.musubi.medication.AllergyClash;
import org.musubi.medication.Drug;
import org.musubi.medication.DrugCodeSystems;
import org.musubi.medication.MedicationEntry;
import org.musubi.medication.RecordedAllergy;
import org.musubi.medication.Source;
import org.musubi.text.PlainText;

/**
 * The allergy–drug alerts of one person: every prescription, dispensing or administration whose drug a recorded
 * allergy names, or whose class it names or may cross-react with ({@link AllergyMatch}), one alert per allergy and drug
 * (the ingredient the master resolves it to, else the drug's name), whatever the dates.
 */
public final class AllergyChecks {

    private AllergyChecks() {
    }

    /**
     * The alerts among {@code entries} (each with the product the master resolved it to, by entry id, in {@code drugs}:
     * entries the master does not know are matched by their name and YJ code alone).
     */
    public static List<AllergyClash> find(List<MedicationEntry> entries, Map<String, Drug> drugs,
                                          List<RecordedAllergy> allergies) {
        Map<String, Clash> found = new LinkedHashMap<>();
        Map<String, AllergyMatch.Drug> read = new HashMap<>(); // each drug read once, however many entries and allergies
        for (RecordedAllergy allergy : allergies) {
            if (allergy.name() == null || allergy.name().isBlank()) {
                continue;
            }
            AllergyMatch.Allergy said = AllergyMatch.Allergy.of(allergy.name());
            for (MedicationEntry entry : entries) {
                Drug drug = drugs.get(entry.id());
                String yj = drug != null ? drug.yjCode() : DrugCodeSystems.isYj(entry.codeSystem()) ? entry.code() : null;
                String ingredient = drug == null ? null : drug.ingredientName();
                String name = entry.name() == null ? "" : entry.name();
                AllergyMatch.Drug given = read.computeIfAbsent(yj + "\u0000" + ingredient + "\u0000" + name,
                        k -> AllergyMatch.Drug.of(yj, ingredient, name));
                Optional<AllergyMatch.Relation> relation = AllergyMatch.of(said, given);
                if (relation.isPresent()) {
                    String label = drug != null ? drug.ingredientLabel() : entry.name();
                    String key = said.said() + "|" + allergy.source() + "|"
                            + (drug != null ? drug.ingredientCode() : PlainText.of(entry.name()));
                    found.computeIfAbsent(key, k -> new Clash(allergy, relation.get(), label)).add(entry);
                }
            }
        }
        return found.values().stream().map(Clash::alert)
                .sorted(Comparator.comparing(AllergyClash::overlapEnd).reversed()).toList();
    }

    /** One allergy's clash with one drug, as its records are found. */
    private static final class Clash {
        private final RecordedAllergy allergy;
        private final AllergyMatch.Relation relation;
        private final String drug;
        private final List<String> ids = new ArrayList<>();
        private final Set<String> sources = new LinkedHashSet<>();
        private LocalDate first;
        private LocalDate last;

        Clash(RecordedAllergy allergy, AllergyMatch.Relation relation, String drug) {
            this.allergy = allergy;
            this.relation = relation;
            this.drug = drug;
        }

        void add(MedicationEntry entry) {
            ids.add(entry.id());
            label(entry.prescriber());
            label(entry.pharmacy());
            first = first == null || entry.start().isBefore(first) ? entry.start() : first;
            last = last == null || entry.end().isAfter(last) ? entry.end() : last;
        }

        private void label(Source source) {
            if (source != null && source.name() != null && !source.name().isBlank()) {
                sources.add(source.name().strip());
            }
        }

        AllergyClash alert() {
            return new AllergyClash(allergy.name(), allergy.source(), relation, drug, ids, List.copyOf(sources), first,
                    last);
        }
    }
}
