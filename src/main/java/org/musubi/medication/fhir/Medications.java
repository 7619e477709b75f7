package org.musubi.medication.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.musubi.medication.AllergyClash;
import org.musubi.medication.CheckResult;
import org.musubi.medication.Drug;
import org.musubi.medication.MedicationAlert;
import org.musubi.record.fhir.medication.CurrentMedication;
import org.musubi.record.fhir.medication.MedicationCourse;

/**
 * The medication list (お薬): a patient's prescriptions, dispensings and facilities' notes of medicines, one line per
 * ingredient and strength, the current ones apart from the history as the record's one reader of current medication
 * decides ({@link CurrentMedication}), with the duplicate-medication alerts.
 *
 * <p>The lines are read once, when first asked for; a list is read for one page, letter or answer.
 */
public final class Medications {

    private final List<MedicationRows.Row> rows;
    private final CheckResult checks;
    private final Map<Long, LocalDate> openStays;
    private final LocalDate today;
    private List<DrugHistory> current;
    private List<DrugHistory> past;

    /**
     * @param openStays the first day of each facility's inpatient stay open on {@code today} (its drips are current)
     * @param today     the day the list is read for (Japan's)
     */
    public Medications(List<MedicationRows.Row> rows, CheckResult checks, Map<Long, LocalDate> openStays,
                       LocalDate today) {
        this.rows = List.copyOf(rows);
        this.checks = checks;
        this.openStays = Map.copyOf(openStays);
        this.today = today;
    }

    public List<MedicationRows.Row> rows() {
        return rows;
    }

    public CheckResult checks() {
        return checks;
    }

    /** The first day of each facility's inpatient stay open on {@link #today()}. */
    public Map<Long, LocalDate> openStays() {
        return openStays;
    }

    /** The day the list is read for (Japan's). */
    public LocalDate today() {
        return today;
    }

    public List<MedicationAlert> alerts() {
        return checks.alerts();
    }

    /**
     * One line: a drug (ingredient and strength) with every row of it, newest first.
     *
     * @param label          the ingredient's name as the drug master gives it (with the product's strength), else
     *                       the drug's name as recorded
     * @param ingredientCode the YJ code's first seven characters when the drug master knows the drug, else {@code null}
     * @param newest         the row that names the line: the newest current one (of the history: the newest)
     * @param duplicate      a duplicate-medication alert names one of its rows
     * @param allergic       an allergy–drug alert names one of its rows
     */
    public record DrugHistory(String label, String ingredientCode, boolean current, boolean alerted,
                              List<MedicationRows.Row> rows, MedicationRows.Row newest, boolean duplicate,
                              boolean allergic) {

        public DrugHistory {
            rows = List.copyOf(rows);
        }
    }

    /** What the patient takes now, one line per ingredient and strength, newest first. */
    public List<DrugHistory> current() {
        if (current == null) {
            read();
        }
        return current;
    }

    /** What the patient took before, one line per ingredient and strength, newest first. */
    public List<DrugHistory> past() {
        if (past == null) {
            read();
        }
        return past;
    }

    /** The current lines, then the past ones. */
    public List<DrugHistory> byDrug() {
        List<DrugHistory> all = new ArrayList<>(current());
        all.addAll(past());
        return all;
    }

    private void read() {
        Map<String, MedicationRows.Row> byRef = new HashMap<>();
        rows.forEach(r -> byRef.put(r.course().ref(), r));
        Set<String> allergic = checks.alerts().stream().filter(AllergyClash.class::isInstance)
                .flatMap(a -> a.entryIds().stream()).collect(Collectors.toSet());
        Set<String> duplicate = checks.alerts().stream().filter(a -> !(a instanceof AllergyClash))
                .flatMap(a -> a.entryIds().stream()).collect(Collectors.toSet());
        CurrentMedication.MedicationList list = CurrentMedication.of(rows.stream().map(MedicationRows.Row::course).toList(),
                openStays, today);
        List<DrugHistory> now = List.copyOf(lines(list.current(), true, byRef, allergic, duplicate));
        past = List.copyOf(lines(list.history(), false, byRef, allergic, duplicate));
        current = now;
    }

    private List<DrugHistory> lines(List<CurrentMedication.Medicine> medicines, boolean taken,
                                    Map<String, MedicationRows.Row> byRef, Set<String> allergic, Set<String> duplicate) {
        List<DrugHistory> lines = new ArrayList<>();
        for (CurrentMedication.Medicine medicine : medicines) {
            List<MedicationRows.Row> of = medicine.courses().stream().map(c -> byRef.get(c.ref())).toList();
            MedicationRows.Row newest = byRef.get(medicine.newest().ref());
            Drug drug = checks.resolved().get(newest.entry().id());
            boolean duplicated = of.stream().anyMatch(r -> duplicate.contains(r.entry().id()));
            boolean allergy = of.stream().anyMatch(r -> allergic.contains(r.entry().id()));
            lines.add(new DrugHistory(label(drug, medicine.newest()), drug == null ? null : drug.ingredientCode(), taken,
                    duplicated || allergy, of, newest, duplicated, allergy));
        }
        return lines;
    }

    private static String label(Drug drug, MedicationCourse newest) {
        if (drug == null) {
            return newest.name();
        }
        String standard = drug.standard() == null || drug.standard().isBlank() ? "" : " " + drug.standard().strip();
        return drug.ingredientLabel() + standard;
    }
}
