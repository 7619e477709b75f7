package org.musubi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark suite's summary ({@code bench/suite.sh}): reads the figures each benchmark wrote
 * ({@link SuiteFigures}) from a run directory, prints one table (median, spread, target, PASS/MISS,
 * peak heap and RSS of each benchmark's JVM) and writes them all as one JSON document, so that runs
 * can be compared ({@code --compare=OLD.json} prints the change of each median).
 */
public final class SuiteReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Path out = null;
        Path compare = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--json=")) {
                out = Path.of(args[i].substring(7));
            } else if (args[i].startsWith("--compare=")) {
                compare = Path.of(args[i].substring(10));
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: DIR --json=FILE --compare=FILE");
            }
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        ObjectNode suite = JSON.createObjectNode();
        suite.put("directory", directory.toString());
        ArrayNode benchmarks = suite.putArray("benchmarks");
        for (Path file : files) {
            benchmarks.add(JSON.readTree(file.toFile()));
        }
        JsonNode previous = compare == null ? null : JSON.readTree(compare.toFile());
        print(benchmarks, previous);
        if (out != null) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), suite);
            System.out.println("suite figures written to " + out);
        }
    }

    private static void print(ArrayNode benchmarks, JsonNode previous) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-11s %-78s %12s  %-40s %-14s %-5s%s%n", "benchmark", "figure", "median", "spread",
                "target", "", previous == null ? "" : "  change");
        int missed = 0;
        for (JsonNode benchmark : benchmarks) {
            String name = benchmark.path("benchmark").asString();
            for (JsonNode figure : benchmark.path("figures")) {
                String verdict = figure.path("pass").isNull() || figure.path("pass").isMissingNode() ? ""
                        : figure.path("pass").asBoolean() ? "PASS" : "MISS";
                missed += verdict.equals("MISS") ? 1 : 0;
                String change = previous == null ? "" : change(previous, name, figure);
                System.out.printf(Locale.ROOT, "%-11s %-78s %12s  %-40s %-14s %-5s%s%n", name,
                        cut(figure.path("name").asString(), 78), figure.path("unit").asString().isEmpty()
                                ? ratio(figure.path("median").asDouble())
                                : number(figure.path("median").asDouble()) + " " + figure.path("unit").asString(),
                        spread(figure), figure.path("target").asString(), verdict, change);
            }
            System.out.printf(Locale.ROOT, "%-11s %-78s %12s%n", name, "peak heap in use / peak RSS of the JVM, MiB",
                    benchmark.path("peakHeapMiB").asLong() + " / " + benchmark.path("peakRssMiB").asLong());
        }
        System.out.printf(Locale.ROOT, "%n%d benchmarks; %d figures below their target%n", benchmarks.size(), missed);
    }

    private static String spread(JsonNode figure) {
        if (figure.has("p95")) {
            return "IQR %s–%s · p95 %s · p99 %s".formatted(number(figure.path("p25").asDouble()),
                    number(figure.path("p75").asDouble()), number(figure.path("p95").asDouble()),
                    number(figure.path("p99").asDouble()));
        }
        if (figure.has("min")) {
            return "%s–%s over %d".formatted(number(figure.path("min").asDouble()), number(figure.path("max").asDouble()),
                    figure.path("n").asInt());
        }
        return "(one value)";
    }

    private static String change(JsonNode previous, String benchmark, JsonNode figure) {
        for (JsonNode old : previous.path("benchmarks")) {
            if (!old.path("benchmark").asString().equals(benchmark)) {
                continue;
            }
            for (JsonNode oldFigure : old.path("figures")) {
                if (oldFigure.path("name").asString().equals(figure.path("name").asString())) {
                    double before = oldFigure.path("median").asDouble();
                    double now = figure.path("median").asDouble();
                    return before == 0 ? "  (was 0)" : String.format(Locale.ROOT, "  %+.1f %%", 100 * (now - before) / before);
                }
            }
        }
        return "  (new)";
    }

    /** Measured quantities: whole numbers with separators from 100 up, else two decimals. */
    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Figures without a unit: counts as whole numbers, ratios (precision, F1) with five decimals. */
    private static String ratio(double value) {
        return value == Math.rint(value) && Math.abs(value) >= 2 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.5f", value);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private SuiteReport() {
    }
}
