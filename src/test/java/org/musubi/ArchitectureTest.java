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
    private static final JavaClasses MUSUBI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.musubi");

    @Test
    void domainCodeImportsNoSpringJdbcOrHapiRestTypes() {
        noClasses().that().resideInAPackage("org.musubi.(*)")
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
        classes().that().resideInAPackage("org.musubi.(*)")
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
}
