package org.musubi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.musubi.testing.SyntheaBundles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates a Synthea population for the ingest benchmarks ({@link SyntheaBundles}: Synthea 3.3.0 in its own JVM,
 * a fixed seed and reference date, Massachusetts, all ages) into {@code target/synthea/}, or reuses it, and prints
 * where the Bundles are, how long generating took, and what they hold: entries per patient Bundle and resources by
 * type. Nothing generated is committed.
 */
public final class SyntheaGeneration {

    private SyntheaGeneration() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, Map.of("seed", 1L, "patients", 10L));
        long start = System.nanoTime();
        List<Path> files = SyntheaBundles.generate(options.get("seed"), options.integer("patients"), Path.of("target", "synthea"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Integer> types = new TreeMap<>();
        List<Integer> entries = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
            JsonNode bundle = json.readTree(Files.readString(file));
            if ("transaction".equals(bundle.path("type").asString())) {
                entries.add(bundle.path("entry").size());
            }
            bundle.path("entry").forEach(e -> types.merge(e.path("resource").path("resourceType").asString(), 1, Integer::sum));
        }
        entries.sort(null);
        System.out.printf("Synthea %s, %s: %d files (%d MB) in %s (%.1f s, 0 s when reused)%n", SyntheaBundles.VERSION,
                options, files.size(), bytes >> 20, files.getFirst().getParent(), millis / 1000.0);
        System.out.printf("patient Bundles: %d; entries each: min %d, median %d, max %d, total %d%n", entries.size(),
                entries.getFirst(), entries.get(entries.size() / 2), entries.getLast(),
                entries.stream().mapToInt(Integer::intValue).sum());
        types.forEach((type, n) -> System.out.printf("  %-26s %7d%n", type, n));
    }
}
