package org.musubi.testing;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.musubi.record.fhir.BaseValidation;

/**
 * The official JP-CLINS and JP Core packages ({@code ../shared/fhir-packages/}, always there in CI) and one validator on
 * them for every test of the JVM: building it reads the packages and every R4 definition (seconds).
 */
public final class ClinsPackages {

    public static final Path FOLDER = Path.of("../shared/fhir-packages");
    public static final List<Path> FILES = List.of(FOLDER.resolve("jp-clins.r4-1.5.2-snap.tgz"),
            FOLDER.resolve("jp-core.r4-1.1.2-url.tgz"));
    private static volatile BaseValidation shared;

    private ClinsPackages() {
    }

    /** Skips the calling test, saying why, when the packages are absent (a fresh clone without ../shared). */
    public static void assumePresent() {
        Assumptions.assumeTrue(FILES.stream().allMatch(Files::isRegularFile),
                "JP-CLINS / JP Core packages not present (CI has them): " + FOLDER.toAbsolutePath());
    }

    /** The validator on the packages (after {@link #assumePresent()}). */
    public static BaseValidation validation() {
        assumePresent();
        if (shared == null) {
            synchronized (ClinsPackages.class) {
                if (shared == null) {
                    shared = new BaseValidation(FhirContext.forR4Cached(), FILES);
                }
            }
        }
        return shared;
    }
}
