package org.musubi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @Test
    void webControllersDoNotTouchTheDatabaseDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(MUSUBI);
    }
}
