package org.musubi.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.musubi.identity.Person;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.registry.Facility;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.fhir.ClinicalRecordGenerator;

/**
 * The background store by COPY, not through HTTP: persons with their blocking keys, their facility
 * patients and links, and each facility patient's Patient and record (copied from a template, see
 * {@link RecordTemplate}). The measured persons (first in the person order) have a fresh record of
 * their own at each of the first {@code targetFacilities} facilities, spread over the whole load in
 * slices as visits would arrive over the years, so their rows are not stored side by side.
 */
final class RecordLoader {

    static final LocalDate FROM = LocalDate.of(2015, 4, 1);
    static final LocalDate TO = LocalDate.of(2025, 3, 31);
    private static final int PERSON_CHUNK = 1_000;
    private static final int TEMPLATES = 200;
    private final RecordBenchServer server;
    private final List<Facility> facilities;
    private final long seed;
    private final FhirContext fhir = FhirContext.forR4Cached();
    private final FhirIndexer indexer = new FhirIndexer(fhir);
    private final IParser parser = fhir.newJsonParser();
    private final ClinicalRecordGenerator generator = new ClinicalRecordGenerator();
    private final SplittableRandom random;

    RecordLoader(RecordBenchServer server, List<Facility> facilities, long seed) {
        this.server = server;
        this.facilities = facilities;
        this.seed = seed;
        this.random = new SplittableRandom(seed ^ 0x5eed);
    }

    /** Loads about {@code resources} resources in all; returns the ids of the {@code targets} measured persons. */
    long[] load(long resources, int targets, int targetFacilities, int perFacility) throws Exception {
        List<RecordTemplate> templates = new ArrayList<>();
        for (int i = 0; i < TEMPLATES; i++) {
            templates.add(RecordTemplate.generate(seed * 1_000 + i, 20 + random.nextInt(201), FROM, TO, fhir, indexer));
        }
        int[] sizes = templates.stream().mapToInt(t -> t.rows().size()).toArray();
        long background = Math.max(0, resources - (long) targets * targetFacilities * (perFacility + 1));
        RecordPlan plan = RecordPlan.of(seed, background, facilities.size(), sizes);
        int chunks = Math.max(1, (plan.persons().size() + PERSON_CHUNK - 1) / PERSON_CHUNK);
        TargetSlices slices = new TargetSlices(targets, targetFacilities, chunks);
        for (int t = 0; t < targets; t++) {
            for (int f = 0; f < targetFacilities; f++) {
                slices.add(t, f, RecordTemplate.generate(seed * 7_919 + t * 31L + f, perFacility, FROM, TO, fhir, indexer));
            }
        }
        System.out.printf(Locale.ROOT, "  plan: %,d background persons, %,d background resources; %d measured persons x %d"
                + " facilities x %,d resources%n", plan.persons().size(), plan.resources(), targets, targetFacilities, perFacility);
        long[] targetIds = new long[targets];
        ExecutorService copier = Executors.newSingleThreadExecutor();
        try (Stream<Person> persons = new SyntheticNetworkGenerator().persons(seed, targets + plan.persons().size(), 34);
             Connection connection = server.app().getConnection()) {
            Iterator<Person> it = persons.iterator();
            List<Person> targetPersons = new ArrayList<>();
            for (int t = 0; t < targets; t++) {
                targetPersons.add(it.next());
            }
            List<SourceRows.Source> targetSources = SourceRows.copy(connection, targetPersons, targetIds,
                    p -> range(targetFacilities), facilities, "T");
            slices.sources(targetSources);
            Future<?> previous = null;
            long loaded = 0;
            for (int chunk = 0; chunk < chunks; chunk++) {
                int from = chunk * PERSON_CHUNK;
                int to = Math.min(plan.persons().size(), from + PERSON_CHUNK);
                List<Person> people = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    people.add(it.next());
                }
                int base = from;
                List<SourceRows.Source> sources = SourceRows.copy(connection, people, new long[people.size()],
                        p -> plan.persons().get(base + p).stream().mapToInt(RecordPlan.Source::facility).toArray(),
                        facilities, "B" + from + "-");
                RecordCopy copy = new RecordCopy();
                for (SourceRows.Source source : sources) {
                    RecordPlan.Source planned = plan.persons().get(base + source.personIndex()).get(source.ordinal());
                    add(copy, source, templates.get(planned.template()));
                }
                slices.addSlice(chunk, copy, this);
                if (previous != null) {
                    previous.get();
                }
                loaded += copy.count();
                previous = copier.submit(() -> {
                    try (Connection c = server.app().getConnection()) {
                        copy.copyTo(c);
                    }
                    return null;
                });
                if (chunk % 10 == 9 || chunk == chunks - 1) {
                    System.out.printf(Locale.ROOT, "  ... %,d resources%n", loaded);
                }
            }
            if (previous != null) {
                previous.get();
            }
        } finally {
            copier.shutdown();
        }
        return targetIds;
    }

    /** The facility patient's Patient, then its record. */
    void add(RecordCopy copy, SourceRows.Source source, RecordTemplate template) {
        add(copy, source, template.rows());
    }

    void add(RecordCopy copy, SourceRows.Source source, List<RecordTemplate.Row> rows) {
        if (!source.patientStored()) {
            Facility facility = facilities.get(source.facilityIndex());
            var patient = generator.patient(source.person(), "urn:oid:1.2.392.100495.20.3.51.1"
                    + facility.code().value(), source.localId());
            copy.add(source.id(), facility.id(), RecordTemplate.row(RecordTemplate.suffix(0), patient, parser, indexer),
                    source.idPrefix(), source.localId(), source.localId());
            source.markPatientStored();
        }
        for (RecordTemplate.Row row : rows) {
            copy.add(source.id(), facilities.get(source.facilityIndex()).id(), row, source.idPrefix(), source.localId(), null);
        }
    }

    private static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }
}
