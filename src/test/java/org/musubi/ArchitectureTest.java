package org.musubi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Domain code (the top-level package of each feature, the feature's public API) is plain Java:
 * Spring, JDBC, servlets and HAPI's REST layer stay in sub-packages such as {@code jdbc}, {@code web}
 * and {@code internal}, or in the one {@code *Configuration}/{@code *Properties} class that wires it.
 */
class ArchitectureTest {

    private static final java.util.List<String> FRAMEWORKS = java.util.List.of("org.springframework", "java.sql",
            "javax.sql", "jakarta.servlet", "ca.uhn.fhir.rest", "com.zaxxer", "org.flywaydb");
    /**
     * Plain-Java code: the top-level package of each feature, and the import adapters with the machinery they plug
     * into (reading, mapping, batching, chunking, the ledger), all below {@code ingest} and free of frameworks.
     */
    private static final String[] DOMAIN = {"org.musubi.(*)", "org.musubi.ingest.adapter..", "org.musubi.ingest.readers..",
            "org.musubi.ingest.jahis..", "org.musubi.ingest.ssmix2..", "org.musubi.ingest.hl7..", "org.musubi.ingest.lab..",
            "org.musubi.ingest.batch..", "org.musubi.ingest.chunk..", "org.musubi.ingest.ledger.."};
    private static final JavaClasses MUSUBI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.musubi");

    @Test
    void domainCodeImportsNoSpringJdbcOrHapiRestTypes() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .and().doNotHaveSimpleName("package-info")
                .and().resideOutsideOfPackage("org.musubi.database")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .and().haveSimpleNameNotEndingWith("Properties")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..",
                        "ca.uhn.fhir.rest..", "com.zaxxer..", "org.flywaydb..")
                .because("domain code must stay free of frameworks (STYLE.md)")
                .check(MUSUBI);
    }

    /**
     * ArchUnit (1.5 too) records the types a catch clause names but does not count them as dependencies, so the rule
     * above cannot see a domain class catching a framework exception: this one does.
     */
    @Test
    void domainCodeCatchesNoFrameworkExceptions() {
        classes().that().resideInAnyPackage(DOMAIN)
                .and().resideOutsideOfPackage("org.musubi.database")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .and().haveSimpleNameNotEndingWith("Properties")
                .should(new ArchCondition<JavaClass>("catch no exception of a framework") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                                for (JavaClass caught : block.getCaughtThrowables()) {
                                    if (FRAMEWORKS.stream().anyMatch(p -> caught.getPackageName().startsWith(p))) {
                                        events.add(SimpleConditionEvent.violated(type, type.getName() + "." + unit.getName()
                                                + " catches " + caught.getName() + " (" + block.getSourceCodeLocation() + ")"));
                                    }
                                }
                            }
                        }
                    }
                })
                .because("a framework's exceptions are translated at the adapter (jdbc, web) into the module's own")
                .check(MUSUBI);
    }

    @Test
    void webControllersDoNotTouchTheDatabaseDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(MUSUBI);
    }

    /**
     * Issue 23: the lab-result mapping ({@code ingest.results}) and the lab-centre adapter are no dependency of the
     * prescription and administration mappers, directly or through what they use (the shared order segments, the
     * values in {@code ingest.values}).
     */
    @Test
    void medicationMappingDoesNotDependOnLabResults() {
        noClasses().that().resideInAPackage("org.musubi.ingest.hl7.orders.medication..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.musubi.ingest.results..",
                        "org.musubi.ingest.lab..")
                .because("prescriptions and administrations are mapped without the lab-result mapping (issue 23)")
                .check(MUSUBI);
    }

    /** A package a newcomer can read in one sitting: at most this many top-level classes (issue 23). */
    static final int MAX_FILES_PER_PACKAGE = 20;
    /** More collaborators than this and a class does too many things (issue 23); configuration classes wire, so they may. */
    static final int MAX_CONSTRUCTOR_DEPENDENCIES = 5;

    @Test
    void noPackageHoldsMoreThanTwentyFiles() {
        java.util.Map<String, Long> sizes = MUSUBI.stream()
                .filter(type -> type.getEnclosingClass().isEmpty() && !type.getSimpleName().equals("package-info"))
                .collect(java.util.stream.Collectors.groupingBy(JavaClass::getPackageName, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        java.util.List<String> crowded = sizes.entrySet().stream()
                .filter(e -> e.getValue() > MAX_FILES_PER_PACKAGE)
                .map(e -> e.getKey() + " holds " + e.getValue() + " files").toList();
        org.assertj.core.api.Assertions.assertThat(crowded)
                .as("packages above %d files: split them by role", MAX_FILES_PER_PACKAGE).isEmpty();
    }

    @Test
    void noConstructorTakesMoreThanFiveCollaborators() {
        classes().that().resideInAPackage("org.musubi..")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .and().areNotRecords().and().areNotEnums()
                .should(new ArchCondition<JavaClass>("take at most " + MAX_CONSTRUCTOR_DEPENDENCIES
                        + " collaborators in a constructor") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getConstructors().forEach(constructor -> {
                            java.util.List<String> collaborators = constructor.getRawParameterTypes().stream()
                                    .filter(ArchitectureTest::isCollaborator).map(JavaClass::getSimpleName).toList();
                            if (collaborators.size() > MAX_CONSTRUCTOR_DEPENDENCIES) {
                                events.add(SimpleConditionEvent.violated(type, type.getName() + " takes "
                                        + collaborators.size() + " collaborators " + collaborators));
                            }
                        });
                    }
                })
                .check(MUSUBI);
    }

    /** A collaborator is something that does work (a service, a store, a clock), not a value handed in. */
    static boolean isCollaborator(JavaClass parameter) {
        if (parameter.isPrimitive() || parameter.isRecord() || parameter.isEnum() || parameter.isArray()) {
            return false;
        }
        String name = parameter.getName();
        if (name.equals("java.time.Clock")) {
            return true;
        }
        return !(name.startsWith("java.lang.") || name.startsWith("java.time.") || name.startsWith("java.util.")
                || name.startsWith("java.nio.") || name.startsWith("java.net.") || name.startsWith("java.math."));
    }

    /** IdentityStore's methods that change who is who: only the identity module's own (audited) use cases call them. */
    static final java.util.Set<String> IDENTITY_WRITES = java.util.Set.of("register", "receive", "link", "unlink",
            "merge", "unmerge", "receiveIdentifiers");

    @Test
    void identityIsChangedOnlyThroughItsUseCases() {
        noClasses().that().resideOutsideOfPackage("org.musubi.identity..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a write method of IdentityStore",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) ->
                                call.getTargetOwner().isAssignableTo(org.musubi.identity.IdentityStore.class)
                                        && IDENTITY_WRITES.contains(call.getName())))
                .because("persons, source patients and their links change through identity's audited use cases "
                        + "(LinkSourcePatient, MatchSourcePatient, MergePersons …), never through the store (issue 23)")
                .check(MUSUBI);
    }

    @Test
    void theResourceStoreIsUsedOnlyInsideTheRecordModule() {
        noClasses().that().resideOutsideOfPackage("org.musubi.record..")
                .should().dependOnClassesThat().areAssignableTo(org.musubi.record.store.ResourceStore.class)
                .because("the store asks no policy: other modules read and write records through ReadRecords and "
                        + "WriteRecords, and look up where a resource is through ResourceLookup (issue 23)")
                .check(MUSUBI);
    }
}
