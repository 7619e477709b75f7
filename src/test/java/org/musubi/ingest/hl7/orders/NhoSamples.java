package org.musubi.ingest.hl7.orders;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.musubi.ingest.hl7.Hl7Text;

/**
 * The NHO SS-MIX2 sample storage beside the project ({@code ../shared/samples}); tests that read it are
 * skipped when it is absent (a fresh clone has none).
 */
public final class NhoSamples {

    public static final Path PATIENT = Path.of("../shared/samples/ssmix2-nho/sampleData/999/901/9999013");

    private NhoSamples() {
    }

    /** The text of the patient's (only) file of {@code dataType}, e.g. {@code OMP-01}. */
    public static String text(String dataType) {
        assumeTrue(Files.isDirectory(PATIENT), "NHO samples not present at " + PATIENT.toAbsolutePath());
        try (Stream<Path> files = Files.walk(PATIENT)) {
            Path file = files.filter(p -> p.getParent().getFileName().toString().equals(dataType))
                    .filter(Files::isRegularFile).findFirst().orElseThrow();
            return Hl7Text.decode(Files.readAllBytes(file)).orElseThrow().text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
