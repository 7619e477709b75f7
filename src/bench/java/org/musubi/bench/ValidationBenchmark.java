package org.musubi.bench;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.identity.Person;
import org.musubi.record.fhir.BaseValidation;
import org.musubi.record.fhir.Fault;
import org.musubi.record.fhir.StructureRules;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.fhir.ClinicalEntry;
import org.musubi.synth.fhir.ClinicalRecordGenerator;

/**
 * The cost of base FHIR R4 validation ({@link BaseValidation}) on this machine: the first call (it
 * builds the validator and loads every R4 definition), then the time per resource of synthetic
 * clinical records ({@link ClinicalRecordGenerator}: Encounter, Condition, Observation,
 * MedicationRequest …) validated one at a time (as a single create is) and as the JSON of
 * transaction Bundles (as a transaction's body is, the validator's fixed cost paid once per Bundle).
 * Prints the median and p95 per type and any faults found. A {@code main}: run it with
 * {@code bench/validation.sh}. Options: {@code --resources= --bundle= --seed=}.
 */
public final class ValidationBenchmark {

    static final Map<String, Long> DEFAULTS = new LinkedHashMap<>(Map.of("resources", 2000L, "bundle", 100L, "seed", 1L));

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args, DEFAULTS);
        FhirContext fhir = FhirContext.forR4Cached();
        BaseValidation validation = new BaseValidation(fhir);
        List<Resource> resources = resources(options.integer("resources"), options.get("seed"));

        long heap = usedHeap();
        long t = System.nanoTime();
        List<Fault> first = validation.check(resources.getFirst());
        System.out.printf(Locale.ROOT, "first call (builds the validator): %,d ms, heap after it +%,d MB%n",
                (System.nanoTime() - t) / 1_000_000, (usedHeap() - heap) / 1_000_000);
        report(first);

        Map<String, List<Long>> nanos = new TreeMap<>();
        List<Fault> faults = new ArrayList<>();
        for (Resource resource : resources) {
            long s = System.nanoTime();
            faults.addAll(validation.check(resource));
            nanos.computeIfAbsent(resource.fhirType(), k -> new ArrayList<>()).add(System.nanoTime() - s);
        }
        List<Long> all = nanos.values().stream().flatMap(List::stream).toList();
        System.out.printf(Locale.ROOT, "one at a time: %,d resources, median %.1f ms, p95 %.1f ms%n", all.size(),
                percentile(all, 50), percentile(all, 95));
        nanos.forEach((type, list) -> System.out.printf(Locale.ROOT, "  %-20s %5d  median %6.1f ms  p95 %6.1f ms%n",
                type, list.size(), percentile(list, 50), percentile(list, 95)));
        report(faults);

        int size = options.integer("bundle");
        List<String> bundles = new ArrayList<>();
        for (int from = 0; from < resources.size(); from += size) {
            Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            resources.subList(from, Math.min(resources.size(), from + size)).forEach(r -> bundle.addEntry()
                    .setFullUrl(ClinicalRecordGenerator.urnUuid(new SplittableRandom(bundles.size() * 100_003L + r.hashCode())))
                    .setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType()));
            bundles.add(fhir.newJsonParser().encodeResourceToString(bundle));
        }
        List<Long> perResource = new ArrayList<>();
        for (String json : bundles) {
            long s = System.nanoTime();
            validation.checkJson(json);
            perResource.add((System.nanoTime() - s) / size);
        }
        System.out.printf(Locale.ROOT, "in transaction Bundles of %d: median %.1f ms per resource, p95 %.1f ms%n", size,
                percentile(perResource, 50), percentile(perResource, 95));

        // mode standard: the structure rules alone, over the same Bundles (three rounds, the first warms up)
        StructureRules rules = new StructureRules(fhir);
        List<Long> structure = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            structure.clear();
            for (String json : bundles) {
                long s = System.nanoTime();
                faults.addAll(rules.check(json));
                structure.add((System.nanoTime() - s) / size);
            }
        }
        System.out.printf(Locale.ROOT, "structure rules (mode standard), Bundles of %d: median %.1f µs per resource, p95 %.1f µs%n",
                size, percentile(structure, 50) * 1000, percentile(structure, 95) * 1000);
        report(faults);
    }

    /** Synthetic records of a few patients, without the Patients: the clinical types a facility sends most. */
    private static List<Resource> resources(int count, long seed) {
        ClinicalRecordGenerator generator = new ClinicalRecordGenerator();
        List<Resource> resources = new ArrayList<>();
        List<Person> persons = new SyntheticNetworkGenerator().persons(seed, 1 + count / 200, 34).toList();
        for (int p = 0; resources.size() < count; p++) {
            String patientUrl = ClinicalRecordGenerator.urnUuid(new SplittableRandom(seed + p));
            Patient patient = generator.patient(persons.get(p % persons.size()), "urn:oid:1.2.392.100495.20.3.51.11310000001", "P" + p);
            resources.add(patient);
            for (ClinicalEntry entry : generator.record(seed + p, patientUrl, "P" + p, 200, LocalDate.of(2020, 4, 1),
                    LocalDate.of(2025, 3, 31))) {
                resources.add(entry.resource());
            }
        }
        return resources.subList(0, count);
    }

    private static void report(List<Fault> faults) {
        Map<String, Long> byElement = new TreeMap<>();
        faults.forEach(f -> byElement.merge(f.element().replaceAll("\\[\\d+]", "[]") + " — " + f.english(), 1L, Long::sum));
        byElement.forEach((what, n) -> System.out.printf(Locale.ROOT, "  fault x%d: %s%n", n, what));
    }

    private static long usedHeap() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = nanos.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
