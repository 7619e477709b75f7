package org.musubi.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.ssmix2.Ssmix2Reader;

/**
 * SS-MIX2 reading speed without the database: decode (ISO-2022-JP), parse (HAPI), check and map to
 * FHIR, for SS-MIX2 files generated in memory ({@link Ssmix2MessageShapes}: ADT-00, ADT-22, ADT-52,
 * PPR-01). Prints messages per second per round. A {@code main}, not a test:
 * {@code bench/run.sh org.musubi.bench.Ssmix2ParseBenchmark --messages=100000 --threads=2}.
 */
public final class Ssmix2ParseBenchmark {

    private static final MappingContext FACILITY = new MappingContext("1312345678", "ベンチ病院");

    public static void main(String[] args) throws Exception {
        Map<String, Long> defaults = new LinkedHashMap<>();
        defaults.put("messages", 100_000L);
        defaults.put("threads", 1L);
        defaults.put("rounds", 3L);
        defaults.put("seed", 1L);
        BenchOptions options = BenchOptions.parse(args, defaults);
        System.out.println("Ssmix2ParseBenchmark " + options);
        List<SourceFile> files = Ssmix2MessageShapes.generate(options.integer("messages"), options.get("seed"));
        Ssmix2Reader reader = new Ssmix2Reader(new Hl7Parsing(), Map.of());
        for (int round = 1; round <= options.integer("rounds"); round++) {
            long started = System.nanoTime();
            LongAdder rejected = new LongAdder();
            LongAdder resources = new LongAdder();
            readAll(reader, files, options.integer("threads"), rejected, resources);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("round %d: %,d messages in %.2f s = %,.0f messages/s (%,d resources, %,d rejected)%n", round,
                    files.size(), seconds, files.size() / seconds, resources.sum(), rejected.sum());
        }
    }

    private static void readAll(Ssmix2Reader reader, List<SourceFile> files, int threads, LongAdder rejected,
                                LongAdder resources) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<SourceFile> share = files.subList(files.size() * t / threads, files.size() * (t + 1) / threads);
                parts.add(pool.submit(() -> share.forEach(file -> reader.read(file, FACILITY, result -> {
                    switch (result) {
                        case ParseResult.Parsed parsed -> resources.add(parsed.resources().size());
                        case ParseResult.Rejected r -> rejected.increment();
                    }
                }))));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
    }
}
