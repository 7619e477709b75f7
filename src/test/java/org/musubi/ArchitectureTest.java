package org.musubi;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.record.store.ResourceStore;
import org.musubi.testing.MusubiClasses;

/**
 * The house rules ArchUnit keeps. Domain code is plain Java: Spring, JDBC, servlets, HAPI's REST layer, Hikari and
 * Flyway stay in the adapters and the edge modules. Domain code is chosen by role, not by a list, so that every new
 * package is covered the day it is made. Each rule is also checked against a deliberate violation
 * ({@code org.musubi.archfixtures.frameworkfree}, {@code org.musubi.archfixtures.architecture}), so that "a violation
 * fails" stays proved (issue 40).
 */
class ArchitectureTest {

    /** The frameworks domain code neither depends on nor catches the exceptions of. */
    static final String[] FRAMEWORKS = {"org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..",
            "ca.uhn.fhir.rest..", "com.zaxxer..", "org.flywaydb.."};
    /**
     * A module's adapters, at any depth: {@code web} (controllers, filters, pages), {@code jdbc} (SQL), {@code cli}
     * (commands), {@code s3} (the S3 blob store), {@code internal} (a module's private machinery, such as security's
     * Spring Security set-up). Framework types belong here; the module's own exceptions are made here from theirs.
     */
    static final String[] ADAPTERS = {"..web..", "..jdbc..", "..cli..", "..s3..", "..internal.."};
    /**
     * Modules that are framework code by nature, whole:
     * <ul>
     * <li>{@code org.musubi} itself (not its sub-packages): the Spring Boot application and the {@code musubi}
     * commands, which start Spring contexts and report their start failures;</li>
     * <li>{@code database}: the embedded or external PostgreSQL as a {@code DataSource}, Hikari, Flyway's migrations
     * and the read-only standby;</li>
     * <li>{@code fhirapi}: HAPI's REST server on {@code /fhir}, one package per IHE transaction, each a resource
     * provider or an interceptor whose outcomes are HAPI's exceptions; what it serves it reads and writes through
     * the modules' plain use cases ({@code record}, {@code identity}, {@code emergency.dataset} …);</li>
     * <li>{@code portal}: the clinicians' and operators' screens, Spring MVC controllers with the page models they
     * fill, composed of other modules' use cases and owning no data of its own.</li>
     * </ul>
     * The web plumbing ({@code org.musubi.web}) is an adapter by its name. Everything else is domain code, the
     * {@code musubi} command line's parsing ({@code commandline}, picocli) and security's plain API included.
     */
    static final String[] EDGE_MODULES = {"org.musubi", "org.musubi.database..", "org.musubi.fhirapi..",
            "org.musubi.portal.."};
    /** A {@code *Configuration} or {@code *Properties} class wires a module to Spring, and so may the types inside it. */
    static final DescribedPredicate<JavaClass> WIRING = DescribedPredicate.describe(
            "a *Configuration or *Properties class or a type inside one", type -> {
                JavaClass outermost = type;
                while (outermost.getEnclosingClass().isPresent()) {
                    outermost = outermost.getEnclosingClass().get();
                }
                String name = outermost.getSimpleName();
                return name.endsWith("Configuration") || name.endsWith("Properties");
            });
    /** Domain code: every class of Musubi but the adapters, the edge modules and the wiring. */
    static final DescribedPredicate<JavaClass> DOMAIN_CODE = resideInAPackage("org.musubi..")
            .and(not(resideInAnyPackage(ADAPTERS)))
            .and(not(resideInAnyPackage(EDGE_MODULES)))
            .and(not(WIRING))
            .and(not(simpleName("package-info")))
            .as("domain code (any package but the adapters web, jdbc, cli, s3, internal and the edge modules; "
                    + "no *Configuration or *Properties)");

    private static final JavaClasses MUSUBI = MusubiClasses.production();
    private static final JavaClasses FRAMEWORK_FREE_VIOLATIONS = new ClassFileImporter()
            .importPackages("org.musubi.archfixtures.frameworkfree");
    private static final JavaClasses VIOLATIONS = new ClassFileImporter()
            .importPackages("org.musubi.archfixtures.architecture");

    static ArchRule domainCodeIsFrameworkFree() {
        return noClasses().that(DOMAIN_CODE)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain code must stay free of frameworks (STYLE.md)");
    }

    /**
     * ArchUnit (1.5 too) records the types a catch clause names but does not count them as dependencies, so the rule
     * above cannot see a domain class catching a framework exception: this one does.
     */
    static ArchRule domainCodeCatchesNoFrameworkException() {
        DescribedPredicate<JavaClass> framework = resideInAnyPackage(FRAMEWORKS);
        return classes().that(DOMAIN_CODE)
                .should(new ArchCondition<JavaClass>("catch no exception of a framework") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                                for (JavaClass caught : block.getCaughtThrowables()) {
                                    if (framework.test(caught)) {
                                        events.add(SimpleConditionEvent.violated(type, type.getName() + "." + unit.getName()
                                                + " catches " + caught.getName() + " (" + block.getSourceCodeLocation() + ")"));
                                    }
                                }
                            }
                        }
                    }
                })
                .because("a framework's exceptions are translated at the adapter (jdbc, web) into the module's own");
    }

    @Test
    void domainCodeImportsNoSpringJdbcOrHapiRestTypes() {
        domainCodeIsFrameworkFree().check(MUSUBI);
    }

    @Test
    void domainCodeCatchesNoFrameworkExceptions() {
        domainCodeCatchesNoFrameworkException().check(MUSUBI);
    }

    @Test
    void aPlainPackageNoListNamesUsingSpringFails() {
        assertThat(domainCodeIsFrameworkFree().evaluate(FRAMEWORK_FREE_VIOLATIONS).hasViolation()).isTrue();
        assertFlagsOnly(domainCodeIsFrameworkFree(), FRAMEWORK_FREE_VIOLATIONS, "frameworkfree.plain.FillsASpringModel");
    }

    @Test
    void aPlainPackageCatchingAFrameworkExceptionFails() {
        assertThat(domainCodeCatchesNoFrameworkException().evaluate(FRAMEWORK_FREE_VIOLATIONS).hasViolation()).isTrue();
        assertFlagsOnly(domainCodeCatchesNoFrameworkException(), FRAMEWORK_FREE_VIOLATIONS,
                "frameworkfree.plain.CatchesADatabaseException");
    }

    /** What is domain code and what is not, on the fixtures and on a few of Musubi's own classes. */
    @Test
    void adaptersEdgeModulesAndWiringAreNoDomainCode() {
        assertThat(List.of(fixture("web.RendersAPage"), fixture("plain.WiringConfiguration"),
                fixture("plain.WiringConfiguration$Limits"))).noneMatch(DOMAIN_CODE);
        assertThat(fixture("plain.FillsASpringModel")).matches(DOMAIN_CODE);
        assertThat(List.of(MUSUBI.get(Musubi.class), MUSUBI.get("org.musubi.database.SchemaMigrations"),
                MUSUBI.get("org.musubi.fhirapi.server.FhirServlet"),
                MUSUBI.get("org.musubi.portal.chart.SheetEntryController"),
                MUSUBI.get("org.musubi.phr.sheet.web.SheetPages"),
                MUSUBI.get("org.musubi.phr.sheet.SheetConfiguration"))).noneMatch(DOMAIN_CODE);
        assertThat(List.of(MUSUBI.get("org.musubi.phr.sheet.SheetPhotos"),
                MUSUBI.get("org.musubi.ingest.watch.FolderWatcher"),
                MUSUBI.get("org.musubi.identity.matching.compare.AddressComparator"),
                MUSUBI.get("org.musubi.commandline.MusubiCommandLine"))).allMatch(DOMAIN_CODE);
    }

    private static JavaClass fixture(String name) {
        return FRAMEWORK_FREE_VIOLATIONS.get("org.musubi.archfixtures.frameworkfree." + name);
    }

    static ArchRule controllersUseNoJdbc() {
        return noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..");
    }

    @Test
    void webControllersDoNotTouchTheDatabaseDirectly() {
        controllersUseNoJdbc().check(MUSUBI);
    }

    @Test
    void aControllerUsingJdbcFails() {
        assertThat(controllersUseNoJdbc().evaluate(VIOLATIONS).hasViolation()).isTrue();
        assertFlagsOnly(controllersUseNoJdbc(), VIOLATIONS, "architecture.ReportController");
    }

    /**
     * Issue 23: the lab-result mapping ({@code ingest.results}) and the lab-centre adapter are no dependency of the
     * prescription and administration mappers, directly or through what they use (the shared order segments, the
     * values in {@code ingest.values}).
     */
    static ArchRule independentOf(String mapping, String... labResults) {
        return noClasses().that().resideInAPackage(mapping)
                .should().transitivelyDependOnClassesThat().resideInAnyPackage(labResults)
                .because("prescriptions and administrations are mapped without the lab-result mapping (issue 23)");
    }

    @Test
    void medicationMappingDoesNotDependOnLabResults() {
        independentOf("org.musubi.ingest.hl7.orders.medication..", "org.musubi.ingest.results..",
                "org.musubi.ingest.lab..").check(MUSUBI);
    }

    @Test
    void aMappingReachingLabResultsThroughSharedValuesFails() {
        ArchRule rule = independentOf("org.musubi.archfixtures.architecture.mapping.medication..",
                "org.musubi.archfixtures.architecture.mapping.lab..");
        assertThat(rule.evaluate(VIOLATIONS).hasViolation()).isTrue();
        assertFlagsOnly(rule, VIOLATIONS, "architecture.mapping.medication.Prescriptions");
    }

    /** A package a newcomer can read in one sitting: at most this many top-level classes (issue 23). */
    static final int MAX_FILES_PER_PACKAGE = 20;
    /** More collaborators than this and a class does too many things (issue 23); configuration classes wire, so they may. */
    static final int MAX_CONSTRUCTOR_DEPENDENCIES = 5;

    /** The packages holding more than {@code limit} top-level classes (nested classes and package-info not counted). */
    static List<String> crowdedPackages(JavaClasses classes, int limit) {
        Map<String, Long> sizes = classes.stream()
                .filter(type -> type.getEnclosingClass().isEmpty() && !type.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        return sizes.entrySet().stream()
                .filter(e -> e.getValue() > limit)
                .map(e -> e.getKey() + " holds " + e.getValue() + " files").toList();
    }

    @Test
    void noPackageHoldsMoreThanTwentyFiles() {
        assertThat(crowdedPackages(MUSUBI, MAX_FILES_PER_PACKAGE))
                .as("packages above %d files: split them by role", MAX_FILES_PER_PACKAGE).isEmpty();
    }

    @Test
    void aPackageAboveTheLimitFails() {
        JavaClasses crowded = VIOLATIONS.that(resideInAPackage("org.musubi.archfixtures.architecture.crowded"));
        assertThat(crowdedPackages(crowded, 2))
                .containsExactly("org.musubi.archfixtures.architecture.crowded holds 3 files");
        assertThat(crowdedPackages(crowded, 3)).as("nested classes and package-info are no files").isEmpty();
    }

    static ArchRule fewCollaborators() {
        return classes().that().resideInAPackage("org.musubi..")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .and().areNotRecords().and().areNotEnums()
                .should(new ArchCondition<JavaClass>("take at most " + MAX_CONSTRUCTOR_DEPENDENCIES
                        + " collaborators in a constructor") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getConstructors().forEach(constructor -> {
                            List<String> collaborators = constructor.getRawParameterTypes().stream()
                                    .filter(ArchitectureTest::isCollaborator).map(JavaClass::getSimpleName).toList();
                            if (collaborators.size() > MAX_CONSTRUCTOR_DEPENDENCIES) {
                                events.add(SimpleConditionEvent.violated(type, type.getName() + " takes "
                                        + collaborators.size() + " collaborators " + collaborators));
                            }
                        });
                    }
                });
    }

    @Test
    void noConstructorTakesMoreThanFiveCollaborators() {
        fewCollaborators().check(MUSUBI);
    }

    @Test
    void aConstructorOfSixCollaboratorsFails() {
        assertThat(fewCollaborators().evaluate(VIOLATIONS).hasViolation()).isTrue();
        assertFlagsOnly(fewCollaborators(), VIOLATIONS, "architecture.SixCollaborators");
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
    static final Set<String> IDENTITY_WRITES = Set.of("register", "receive", "link", "unlink",
            "merge", "unmerge", "receiveIdentifiers");

    static ArchRule identityChangesThroughItsUseCases() {
        return noClasses().that().resideOutsideOfPackage("org.musubi.identity..")
                .should().callMethodWhere(DescribedPredicate.describe("a write method of IdentityStore",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(IdentityStore.class)
                                && IDENTITY_WRITES.contains(call.getName())))
                .because("persons, source patients and their links change through identity's audited use cases "
                        + "(LinkSourcePatient, MatchSourcePatient, MergePersons …), never through the store (issue 23)");
    }

    @Test
    void identityIsChangedOnlyThroughItsUseCases() {
        identityChangesThroughItsUseCases().check(MUSUBI);
    }

    @Test
    void aFeatureLinkingThroughTheIdentityStoreFails() {
        assertThat(identityChangesThroughItsUseCases().evaluate(VIOLATIONS).hasViolation()).isTrue();
        assertFlagsOnly(identityChangesThroughItsUseCases(), VIOLATIONS, "architecture.RegistersAPerson");
    }

    static ArchRule theResourceStoreStaysInRecord() {
        return noClasses().that().resideOutsideOfPackage("org.musubi.record..")
                .should().dependOnClassesThat().areAssignableTo(ResourceStore.class)
                .because("the store asks no policy: other modules read and write records through ReadRecords and "
                        + "WriteRecords, and look up where a resource is through ResourceLookup (issue 23)");
    }

    @Test
    void theResourceStoreIsUsedOnlyInsideTheRecordModule() {
        theResourceStoreStaysInRecord().check(MUSUBI);
    }

    @Test
    void aFeatureUsingTheResourceStoreFails() {
        assertThat(theResourceStoreStaysInRecord().evaluate(VIOLATIONS).hasViolation()).isTrue();
        assertFlagsOnly(theResourceStoreStaysInRecord(), VIOLATIONS, "architecture.ReadsTheStore");
    }

    /**
     * The rule finds violations among the fixtures, each about the one fixture class meant to break it (named below
     * {@code org.musubi.archfixtures}); no other fixture, such as an adapter that may do the same, is flagged.
     */
    private static void assertFlagsOnly(ArchRule rule, JavaClasses fixtures, String fixture) {
        String name = "org.musubi.archfixtures." + fixture;
        List<String> details = rule.evaluate(fixtures).getFailureReport().getDetails();
        assertThat(details).as("violations of %s", rule.getDescription()).isNotEmpty()
                .allSatisfy(detail -> assertThat(detail).containsPattern(Pattern.quote(name) + "(?!\\w)"));
    }
}
