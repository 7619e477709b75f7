package org.musubi.ingest.ssmix2;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.hl7.Hl7Parsing;

/**
 * The NHO SS-MIX2 sample storage ({@code ../shared/samples/ssmix2-nho/sampleData}, written by others,
 * read in place, never copied): tests using it are skipped when it is absent (a fresh clone).
 */
public final class NhoSamples {

    public static final Path ROOT = Path.of("..", "shared", "samples", "ssmix2-nho", "sampleData");
    public static final MappingContext FACILITY = new MappingContext("1312345678", "登呂病院");
    private static final Hl7Parsing PARSING = new Hl7Parsing();

    private NhoSamples() {
    }

    public static Path root() {
        assumeTrue(Files.isDirectory(ROOT), "NHO samples not present at " + ROOT.toAbsolutePath());
        return ROOT;
    }

    /** Every sample file, by its path relative to the storage root. */
    public static List<String> files() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(Files::isRegularFile).map(p -> Ssmix2Storage.relative(ROOT, p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Ssmix2Reader reader() {
        return new Ssmix2Reader(PARSING, Map.of(), new StorageStays(root()));
    }

    /** What the reader makes of the sample at {@code relativePath}. */
    public static List<ParseResult> read(String relativePath) {
        List<ParseResult> results = new ArrayList<>();
        reader().read(SourceFile.of(relativePath, ROOT.resolve(relativePath)), FACILITY, results::add);
        return results;
    }

    /** The one Parsed result of a sample. */
    public static ParseResult.Parsed parsed(String relativePath) {
        List<ParseResult> results = read(relativePath);
        if (results.size() != 1 || !(results.getFirst() instanceof ParseResult.Parsed parsed)) {
            throw new AssertionError(relativePath + " gave " + results);
        }
        return parsed;
    }
}
