package org.musubi.medication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.musubi.medication.allergy.AllergyChecks;
import org.musubi.medication.checks.Overlaps;
import org.musubi.medication.checks.Overlaps.Finding;
import org.musubi.medication.checks.Overlaps.Resolved;
import org.musubi.medication.master.DrugMaster;
import org.musubi.medication.master.DrugResolution;

/**
 * Duplicate-medication checks over one patient's prescriptions and dispensings. Each entry is resolved
 * to a product of the drug master (by YJ or price-list code, else by name); then
 * <ul>
 * <li>{@link SameIngredient}: same YJ characters 1–7, periods overlapping, and different prescribing
 * institutions or different pharmacies (a prescription and its own dispensing share the institution,
 * so they never alert against each other);</li>
 * <li>{@link SameClass}: same YJ characters 1–4 (薬効分類), different ingredients, periods overlapping,
 * whatever the sources.</li>
 * </ul>
 * Periods include both their first and last day. Entries the master does not know are not checked for duplicates.
 * The allergy–drug alerts come first ({@link AllergyChecks}; entries the master does not know are matched by name).
 */
public final class MedicationChecks {

    private final DrugMaster master;

    public MedicationChecks(DrugMaster master) {
        this.master = master;
    }

    public CheckResult check(List<MedicationEntry> entries) {
        return check(entries, List.of());
    }

    /**
     * The duplicate checks and the allergy–drug alerts ({@link AllergyChecks}: every entry a recorded allergy names,
     * or whose class it names or may cross-react with).
     */
    public CheckResult check(List<MedicationEntry> entries, List<RecordedAllergy> allergies) {
        Map<String, Drug> byCode = master.findByCodes(entries.stream()
                .filter(e -> DrugCodeSystems.lookable(e.codeSystem()) && e.code() != null).map(MedicationEntry::code).toList());
        Map<String, List<Drug>> byName = master.findByNames(entries.stream()
                .filter(e -> coded(e, byCode) == null && e.name() != null).map(MedicationEntry::name).toList());
        List<Resolved> resolved = new ArrayList<>();
        Map<String, Drug> drugs = new HashMap<>();
        List<MedicationEntry> unknown = new ArrayList<>();
        for (MedicationEntry entry : entries) {
            Optional<Drug> drug = Optional.ofNullable(coded(entry, byCode))
                    .or(() -> DrugResolution.single(byName.get(DrugNames.normalize(entry.name()))));
            drug.ifPresentOrElse(d -> {
                resolved.add(new Resolved(entry, d, resolved.size()));
                drugs.putIfAbsent(entry.id(), d);
            }, () -> unknown.add(entry));
        }
        List<MedicationAlert> alerts = new ArrayList<>(sameIngredient(resolved));
        alerts.addAll(sameClass(resolved));
        alerts.sort(Comparator.comparing(MedicationAlert::overlapStart).thenComparing(MedicationAlert::messageKey));
        alerts.addAll(0, AllergyChecks.find(entries, drugs, allergies));
        return new CheckResult(alerts, drugs, unknown);
    }

    private static Drug coded(MedicationEntry entry, Map<String, Drug> byCode) {
        return DrugCodeSystems.lookable(entry.codeSystem()) && entry.code() != null ? byCode.get(entry.code()) : null;
    }

    private static List<SameIngredient> sameIngredient(List<Resolved> resolved) {
        List<Finding> findings = Overlaps.find(resolved, r -> r.drug().ingredientCode(),
                (a, b) -> Source.different(a.entry().prescriber(), b.entry().prescriber())
                        || Source.different(a.entry().pharmacy(), b.entry().pharmacy()),
                pair -> pair.getFirst().drug().ingredientCode() + "|" + sourceKeys(pair));
        return findings.stream().map(f -> new SameIngredient(f.entries().getFirst().drug().ingredientCode(),
                f.entries().getFirst().drug().ingredientLabel(), ids(f), sources(f.entries()), f.start(), f.end())).toList();
    }

    private static List<SameClass> sameClass(List<Resolved> resolved) {
        List<Finding> findings = Overlaps.find(resolved, r -> r.drug().classCode(),
                (a, b) -> !a.drug().ingredientCode().equals(b.drug().ingredientCode()),
                pair -> pair.getFirst().drug().classCode() + "|" + String.join(",",
                        new TreeSet<>(pair.stream().map(r -> r.drug().ingredientCode()).toList())));
        return findings.stream().map(f -> new SameClass(f.entries().getFirst().drug().classCode(),
                List.copyOf(new LinkedHashSet<>(f.entries().stream().map(r -> r.drug().ingredientLabel()).toList())),
                ids(f), sources(f.entries()), f.start(), f.end())).toList();
    }

    private static List<String> ids(Finding finding) {
        return finding.entries().stream().map(r -> r.entry().id()).toList();
    }

    /** The prescribing institutions, then the pharmacies, each once. */
    private static List<String> sources(List<Resolved> entries) {
        Set<String> labels = new LinkedHashSet<>();
        entries.stream().map(r -> r.entry().prescriber()).filter(s -> s != null && !s.label().isEmpty())
                .forEach(s -> labels.add(s.label()));
        entries.stream().map(r -> r.entry().pharmacy()).filter(s -> s != null && !s.label().isEmpty())
                .forEach(s -> labels.add(s.label()));
        return List.copyOf(labels);
    }

    private static String sourceKeys(List<Resolved> pair) {
        Set<String> keys = new TreeSet<>();
        for (Resolved r : pair) {
            keys.add(r.entry().prescriber() == null ? "" : "p" + r.entry().prescriber().key());
            keys.add(r.entry().pharmacy() == null ? "" : "d" + r.entry().pharmacy().key());
        }
        return String.join(",", keys);
    }
}
