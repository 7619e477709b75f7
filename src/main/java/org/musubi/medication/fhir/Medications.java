package org.musubi.medication.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.medication.CheckResult;
import org.musubi.medication.Drug;
import org.musubi.medication.MedicationAlert;
import org.musubi.medication.DrugNames;

/**
 * The medication list (お薬): every prescription and dispensing of the patient, grouped per drug
 * (per ingredient when the drug master knows the drug), with the duplicate-medication alerts.
 */
public record Medications(List<MedicationRows.Row> rows, CheckResult checks) {

    public Medications {
        rows = List.copyOf(rows);
    }

    public List<MedicationAlert> alerts() {
        return checks.alerts();
    }

    /** One drug's history, newest first; current while its latest supply lasts. */
    public record DrugHistory(String label, String ingredientCode, boolean current, boolean alerted,
                              List<MedicationRows.Row> rows) {
    }

    /** Drugs taken now (a supply reaching today or later), then the past ones, each newest first. */
    public List<DrugHistory> byDrug(LocalDate today) {
        Set<String> alerted = checks.alerts().stream().flatMap(a -> a.entryIds().stream()).collect(Collectors.toSet());
        Map<String, List<MedicationRows.Row>> groups = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> ingredients = new LinkedHashMap<>();
        for (MedicationRows.Row row : rows) {
            Drug drug = checks.resolved().get(row.entry().id());
            String key = drug != null ? "yj:" + drug.ingredientCode() : "name:" + DrugNames.normalize(row.entry().name());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            labels.putIfAbsent(key, drug != null ? drug.ingredientLabel() : row.entry().name());
            if (drug != null) {
                ingredients.putIfAbsent(key, drug.ingredientCode());
            }
        }
        List<DrugHistory> histories = new ArrayList<>();
        groups.forEach((key, list) -> {
            List<MedicationRows.Row> sorted = list.stream()
                    .sorted(Comparator.comparing((MedicationRows.Row r) -> r.entry().start()).reversed()).toList();
            boolean current = sorted.stream().anyMatch(r -> !r.entry().end().isBefore(today));
            boolean flagged = sorted.stream().anyMatch(r -> alerted.contains(r.entry().id()));
            histories.add(new DrugHistory(labels.get(key), ingredients.get(key), current, flagged, sorted));
        });
        histories.sort(Comparator.comparing(DrugHistory::current).reversed()
                .thenComparing(h -> h.rows().getFirst().entry().start(), Comparator.reverseOrder()));
        return histories;
    }
}
