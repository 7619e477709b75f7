package org.musubi.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Musubi's own classes (target/classes, tests left out) as ArchUnit imports them, once for every test of the JVM: the
 * import reads every class of Musubi and, from the class path, the types they name (about ten seconds of CPU each
 * time). The architecture tests (ArchitectureTest, DependencyRulesTest, RecordDoorRulesTest, SessionAttributesTest …)
 * check their rules against this one import; it is the same import each of them made for itself, so no rule sees less.
 */
public final class MusubiClasses {

    private MusubiClasses() {
    }

    /** Every class of {@code org.musubi} and its sub-packages, without the test classes. */
    public static JavaClasses production() {
        return Holder.PRODUCTION;
    }

    /** Imported on first use (class initialisation is thread-safe and happens once). */
    private static final class Holder {
        static final JavaClasses PRODUCTION = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.musubi");
    }
}
