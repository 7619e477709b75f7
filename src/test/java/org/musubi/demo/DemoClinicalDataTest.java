package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.identity.Person;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.synth.SynthFacility;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;

/**
 * The demo's clinical data as a doctor would check it within a minute: the sources the demo imports (its seed, 40
 * persons, 20 messages each) have one reference range per test, facility and sex, the common reference ranges of
 * Japanese labs (JCCLS 共用基準範囲), flags that match value and range, plausible values (an eGFR that follows
 * from the creatinine, age and sex), no drug twice on one day for a patient, doses and frequencies as real
 * prescriptions have them, and no adult-only drug for a child.
 */
class DemoClinicalDataTest {

    private static final LocalDate UNTIL = LocalDate.of(2026, 11, 24);
    /** JCCLS common reference ranges (male; female where they differ), as "low-high" or ">=low". */
    private static final Map<String, String[]> RANGES = Map.of(
            "3D046000001920402", new String[] {"4.9-6.0", "4.9-6.0"},
            "3D010000001926101", new String[] {"73-109", "73-109"},
            "3F077000002327101", new String[] {"65-163", "65-163"},
            "3F070000002327101", new String[] {"38-90", "48-103"},
            "3F015000002327101", new String[] {"40-234", "30-117"},
            "3C015000002327101", new String[] {"0.65-1.07", "0.46-0.79"},
            "8A065000002391901", new String[] {">=60.0", ">=60.0"},
            "3B035000002327201", new String[] {"13-30", "13-30"},
            "3B045000002327201", new String[] {"10-42", "7-23"});
    /** Values a living outpatient or inpatient can have. */
    private static final Map<String, double[]> PLAUSIBLE = Map.of(
            "3D046000001920402", new double[] {4.0, 14.0},
            "3D010000001926101", new double[] {50, 450},
            "3F077000002327101", new double[] {30, 260},
            "3F070000002327101", new double[] {20, 120},
            "3F015000002327101", new double[] {25, 800},
            "3C015000002327101", new double[] {0.3, 8.0},
            "8A065000002391901", new double[] {5, 130},
            "3B035000002327201", new double[] {8, 300},
            "3B045000002327201", new double[] {4, 300});
    /** The synthetic drugs: weekly or tablets a day, and the youngest age they are prescribed at. */
    private static final Map<String, Dose> DOSES = Map.of(
            "3962002F1010", new Dose(false, 2, 20), "3969010F1020", new Dose(false, 1, 20),
            "2171022F1020", new Dose(false, 1, 20), "2189015F1024", new Dose(false, 1, 20),
            "2149039F1028", new Dose(false, 1, 20), "3999019F1023", new Dose(true, 1, 50),
            "2329028F1029", new Dose(false, 1, 15), "3339003F1020", new Dose(false, 1, 40));

    private record Dose(boolean weekly, int tabletsADay, int minimumAge) {
    }

    private static DemoSources sources;
    private static List<DemoSources.LabResult> story;

    @BeforeAll
    static void generate(@TempDir Path folder) throws IOException {
        sources = DemoSources.generate(folder.resolve("sources"), 40, 20, UNTIL);
        story = story(folder.resolve("story"));
    }

    @Test
    void theDemoHasLabResultsWithFlagsBothWaysPrescriptionsAndDispensings() {
        assertThat(sources.labs()).extracting(DemoSources.LabResult::flag).contains("H", "L", "");
        assertThat(sources.prescriptions()).isNotEmpty();
        assertThat(sources.dispensed()).isNotEmpty();
    }

    @Test
    void eachTestHasOneReferenceRangePerFacilityAndSexStoryIncluded() {
        Map<String, Set<String>> ranges = new HashMap<>();
        Stream.concat(sources.labs().stream(), story.stream()).forEach(l -> ranges.computeIfAbsent(
                l.facility() + " " + l.name() + " " + l.sex(), k -> new HashSet<>()).add(range(l)));
        assertThat(ranges).isNotEmpty();
        assertThat(ranges.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString).toList())
                .as("tests with more than one range at a facility").isEmpty();
    }

    @Test
    void referenceRangesAreTheCommonRangesOfJapaneseLabs() {
        List<String> wrong = new ArrayList<>();
        for (DemoSources.LabResult l : sources.labs()) {
            String[] expected = RANGES.get(l.code());
            String want = expected == null ? "a known test" : expected["F".equals(l.sex()) ? 1 : 0];
            if (!want.equals(range(l))) {
                wrong.add(l.name() + " " + l.sex() + " " + range(l) + " (want " + want + ")");
            }
        }
        assertThat(wrong.stream().distinct().toList()).isEmpty();
    }

    @Test
    void flagsMatchValueAndRange() {
        List<String> wrong = new ArrayList<>();
        for (DemoSources.LabResult l : sources.labs()) {
            String want = !l.low().isEmpty() && l.value() < Double.parseDouble(l.low()) ? "L"
                    : !l.high().isEmpty() && l.value() > Double.parseDouble(l.high()) ? "H" : "";
            if (!want.equals(l.flag().replace("N", ""))) {
                wrong.add(l.name() + " " + l.value() + " " + range(l) + " flag '" + l.flag() + "'");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void valuesArePlausibleAndEgfrFollowsCreatinineAgeAndSex() {
        List<String> wrong = new ArrayList<>();
        Map<String, DemoSources.LabResult> creatinine = new HashMap<>();
        sources.labs().stream().filter(l -> l.code().startsWith("3C015")).forEach(l -> creatinine.put(specimen(l), l));
        for (DemoSources.LabResult l : sources.labs()) {
            double[] bounds = PLAUSIBLE.get(l.code());
            if (bounds == null || l.value() < bounds[0] || l.value() > bounds[1]) {
                wrong.add(l.name() + " " + l.value());
            }
            if (l.code().startsWith("8A065")) {
                DemoSources.LabResult cr = creatinine.get(specimen(l));
                int age = Period.between(l.birthDate(), l.collected()).getYears();
                double egfr = 194 * Math.pow(cr.value(), -1.094) * Math.pow(age, -0.287) * ("F".equals(l.sex()) ? 0.739 : 1);
                if (age < 18 || Math.abs(egfr - l.value()) > 0.5 + egfr * 0.02) {
                    wrong.add("eGFR " + l.value() + " with creatinine " + cr.value() + " at " + age + " " + l.sex()
                            + " (want " + Math.round(egfr * 10) / 10.0 + ")");
                }
            }
        }
        assertThat(wrong.stream().distinct().toList()).isEmpty();
    }

    /** AST and ALT are tested in every adult, most of whom have normal liver tests: few results are flagged. */
    @Test
    void mostLiverTestsOfThePanelAreNormalForMenAndWomen() {
        for (String sex : List.of("M", "F")) {
            for (String test : List.of("AST", "ALT")) {
                List<DemoSources.LabResult> results = sources.labs().stream()
                        .filter(l -> l.name().equals(test) && l.sex().equals(sex)).toList();
                long flagged = results.stream().filter(l -> !l.flag().isEmpty()).count();
                assertThat(results).isNotEmpty();
                assertThat(flagged).as(test + " flagged, " + sex).isLessThan(results.size() * 3L / 10);
            }
        }
    }

    @Test
    void noDrugIsPrescribedOrDispensedTwiceOnOneDayForAPatient() {
        assertThat(twice(sources.prescriptions(), p -> p.facility() + " " + p.patient() + " " + p.day() + " " + p.name()))
                .as("prescribed twice on a day").isEmpty();
        assertThat(twice(sources.dispensed(), d -> d.notebook() + " " + d.day() + " " + d.name()))
                .as("dispensed twice on a day").isEmpty();
    }

    @Test
    void dosesAndFrequenciesAreThoseOfRealPrescriptions() {
        List<String> wrong = new ArrayList<>();
        for (DemoSources.Prescription p : sources.prescriptions()) {
            Dose dose = DOSES.get(p.yj());
            int doses = dose == null ? -1 : dose.weekly() ? p.days() / 7 : p.days();
            if (dose == null || p.perDose() != dose.tabletsADay() || p.amount() != dose.tabletsADay() * doses
                    || dose.weekly() && p.days() % 7 != 0) {
                wrong.add(p.name() + " " + p.perDose() + "/day " + p.amount() + " tablets for " + p.days() + " days");
            }
        }
        for (DemoSources.Dispensed d : sources.dispensed()) {
            Dose dose = DOSES.get(d.yj());
            if (dose == null || d.amount() != dose.tabletsADay() || dose.weekly() != d.usage().contains("週1回")
                    || !d.countUnit().equals(dose.weekly() ? "回分" : "日分")) {
                wrong.add(d.name() + " " + d.amount() + " " + d.usage() + " " + d.count() + d.countUnit());
            }
        }
        assertThat(wrong.stream().distinct().toList()).isEmpty();
    }

    /** Diabetes, hypertension, lipids and kidneys are treated in internal medicine, not at an eye or ENT clinic. */
    @Test
    void theClinicsThatPrescribeAreOfInternalMedicine() {
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(20260401L, SynthSize.demo());
        Set<String> prescribing = sources.prescriptions().stream().map(DemoSources.Prescription::facility)
                .collect(Collectors.toSet());
        List<String> clinics = network.facilities().stream().filter(f -> f.kind() == FacilityKind.CLINIC
                && f.code() != null && prescribing.contains(f.code().value())).map(SynthFacility::nameKanji).toList();
        assertThat(clinics).isNotEmpty()
                .allMatch(name -> name.contains("内科") && !name.contains("心療") || name.endsWith("診療所"));
    }

    @Test
    void noAdultDrugIsPrescribedToAChild() {
        List<String> wrong = new ArrayList<>();
        for (DemoSources.Prescription p : sources.prescriptions()) {
            int age = Period.between(p.birthDate(), p.day()).getYears();
            Dose dose = DOSES.get(p.yj());
            if (dose != null && age < dose.minimumAge()) {
                wrong.add(p.name() + " at " + age);
            }
        }
        assertThat(wrong.stream().distinct().toList()).isEmpty();
    }

    @Test
    void theStorysLabFilesUseTheRangesAndFlagsOfEveryOtherLabResult() {
        List<String> wrong = new ArrayList<>();
        for (DemoSources.LabResult l : story) {
            String[] expected = RANGES.get(l.code());
            String flag = l.value() > Double.parseDouble(l.high()) ? "H" : l.value() < Double.parseDouble(l.low()) ? "L" : "N";
            if (expected == null || !expected["F".equals(l.sex()) ? 1 : 0].equals(range(l)) || !flag.equals(l.flag())) {
                wrong.add(l.toString());
            }
        }
        assertThat(story).hasSizeGreaterThan(5);
        assertThat(wrong).isEmpty();
    }

    /**
     * The story's lab files (the hospital's lab CSV of doctor1's hospital, the clinic's review CSV), dated
     * {@link #UNTIL}, for the network's first person, without the row the story makes to be rejected.
     */
    private static List<DemoSources.LabResult> story(Path folder) throws IOException {
        SyntheticNetwork network = new SyntheticNetworkGenerator().generate(20260401L, SynthSize.demo());
        int index = network.users().stream().filter(u -> u.loginId().equals("doctor1")).findFirst().orElseThrow()
                .facilityIndexes().getFirst();
        SynthFacility h = network.facilities().get(index);
        Facility hospital = new Facility(1, h.nameKanji(), h.nameKana(), h.kind(), h.code(), h.prefecture(),
                h.address(), h.phone(), true, true, FacilityStatus.ACTIVE);
        Person person = network.persons().getFirst();
        List<String> rows = new ArrayList<>();
        rows.addAll(Files.readAllLines(StoryFiles.labCsv(folder, hospital, "0000001", person, UNTIL)
                .resolve("story-lab.csv")));
        rows.addAll(Files.readAllLines(StoryFiles.reviewCsv(folder, hospital, person, UNTIL).resolve("story-review.csv")));
        List<DemoSources.LabResult> results = new ArrayList<>();
        for (String row : rows.stream().filter(r -> !r.startsWith("patient_id") && !r.contains("-02-30")).toList()) {
            String[] f = row.split(",");
            results.add(new DemoSources.LabResult(h.code().value(), f[0], LocalDate.parse(f[3]), f[4],
                    LocalDate.parse(f[6].substring(0, 10)), "", f[7], f[8], Double.parseDouble(f[9]), f[11], f[12], f[13]));
        }
        return results;
    }

    private static String range(DemoSources.LabResult l) {
        return l.high().isEmpty() ? ">=" + l.low() : l.low() + "-" + l.high();
    }

    private static String specimen(DemoSources.LabResult l) {
        return l.facility() + " " + l.patient() + " " + l.collected() + " " + l.specimen();
    }

    private static <T> List<String> twice(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }
}
