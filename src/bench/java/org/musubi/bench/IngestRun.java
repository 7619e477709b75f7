package org.musubi.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.musubi.identity.Person;
import org.musubi.registry.Facility;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.fhir.ClinicalEntry;
import org.musubi.synth.fhir.ClinicalRecordGenerator;
import org.musubi.testing.FhirClients;

/**
 * Ingest over HTTP: transaction Bundles made by synth (a new patient and their record each), sent
 * with the HAPI generic client and a real bearer token per facility system, from several threads.
 * The Bundles are made and encoded before the clock starts. One warm-up round, then measured rounds;
 * resources/s counts every entry stored, the Patient included.
 */
final class IngestRun {

    /** Resources/s of each measured round. */
    record Result(double[] perSecond, int bundles, int resourcesPerRound) {
    }

    private final List<Facility> facilities;
    private final List<IGenericClient> clients = new ArrayList<>();
    private final FhirContext fhir;

    IngestRun(RecordBenchServer server, List<Facility> facilities) {
        this.facilities = facilities;
        FhirClients api = server.bean(FhirClients.class);
        this.fhir = api.context();
        facilities.forEach(f -> clients.add(api.fhirFor(server.port(), f, "system/*.read", "system/*.write")));
    }

    Result run(long seed, int rounds, int bundlesPerRound, int bundleSize, int threads) throws Exception {
        Iterator<Person> persons = new SyntheticNetworkGenerator().persons(seed, (long) (rounds + 1) * bundlesPerRound, 34)
                .iterator();
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        double[] perSecond = new double[rounds];
        int resources = 0;
        for (int round = 0; round <= rounds; round++) {
            List<String> bundles = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            resources = 0;
            for (int b = 0; b < bundlesPerRound; b++) {
                Facility facility = facilities.get(b % facilities.size());
                Bundle bundle = bundle(seed * 131 + round * 1_000L + b, persons.next(), facility,
                        "I" + run + "-" + round + "-" + b, bundleSize);
                resources += bundle.getEntry().size();
                sizes.add(bundle.getEntry().size());
                bundles.add(fhir.newJsonParser().encodeResourceToString(bundle));
            }
            long start = System.nanoTime();
            send(bundles, sizes, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %s round: %,d resources in %.2f s = %,.0f resources/s%n",
                    round == 0 ? "warm-up" : "measured", resources, seconds, resources / seconds);
            if (round > 0) {
                perSecond[round - 1] = resources / seconds;
            }
        }
        return new Result(perSecond, bundlesPerRound, resources);
    }

    private Bundle bundle(long seed, Person person, Facility facility, String localId, int size) {
        ClinicalRecordGenerator generator = new ClinicalRecordGenerator();
        String patientUrl = ClinicalRecordGenerator.urnUuid(new SplittableRandom(seed));
        List<ClinicalEntry> entries = generator.record(seed, patientUrl, localId, size, RecordLoader.FROM, RecordLoader.TO);
        return generator.transaction(generator.patient(person, "urn:oid:1.2.392.100495.20.3.51.1"
                + facility.code().value(), localId), patientUrl, entries);
    }

    private void send(List<String> bundles, List<Integer> sizes, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        IParser parser = fhir.newJsonParser();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bundles.size(); i = next.getAndIncrement()) {
                        String response = clients.get(i % clients.size()).transaction().withBundle(bundles.get(i)).execute();
                        int answered = parser.parseResource(Bundle.class, response).getEntry().size();
                        if (answered != sizes.get(i)) {
                            throw new IllegalStateException("transaction answered " + answered + " of " + sizes.get(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
