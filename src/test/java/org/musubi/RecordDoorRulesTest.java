package org.musubi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.imports.ImportRecords;
import org.musubi.testing.MusubiClasses;

/**
 * One write door for a person's record (issue 40): every writer but the import goes through {@code WriteRecords} with
 * writes made by {@code ResourceEncoder}; the import keeps its own batch door, {@code ImportRecords}, and no one else
 * uses it; the store serves the doors without knowing them. Each rule is also checked against a deliberate violation
 * ({@code org.musubi.archfixtures.recorddoor}), so that "a violation fails" stays proved.
 */
class RecordDoorRulesTest {

    private static final JavaClasses MUSUBI = MusubiClasses.production();
    private static final JavaClasses VIOLATIONS = new ClassFileImporter()
            .importPackages("org.musubi.archfixtures.recorddoor");

    /** Only the import stores through the import's door (the notebook, the FHIR API and the staff use WriteRecords). */
    static ArchRule onlyTheImportUsesTheImportDoor() {
        return noClasses().that().resideOutsideOfPackages("org.musubi.ingest..", "org.musubi.record..")
                .should().callMethodWhere(DescribedPredicate.describe("a method of the import's door (ImportRecords)",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(ImportRecords.class)))
                .because("a person's record is written through WriteRecords, which decides and audits; the import "
                        + "audits each source record itself and alone keeps a door without either (issue 40)");
    }

    /** Writes are made by the record module ({@code ResourceEncoder}): encoded, categorised and indexed one way. */
    static ArchRule onlyTheRecordModuleBuildsWrites() {
        return noClasses().that().resideOutsideOfPackage("org.musubi.record..")
                .should().callConstructorWhere(DescribedPredicate.describe("a constructor of ResourceWrite",
                        (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(ResourceWrite.class)))
                .because("a write's JSON, category, held categories and search index are made by ResourceEncoder, "
                        + "so that every writer stores a resource alike (issue 40)");
    }

    /** The store serves the doors and knows none of them: no cycle between a door and the store. */
    static ArchRule theStoreKnowsNoDoor(String... storePackages) {
        return noClasses().that().resideInAnyPackage(storePackages)
                .should().dependOnClassesThat().belongToAnyOf(ReadRecords.class, WriteRecords.class, ImportRecords.class)
                .because("the doors use the store, not the other way round (issue 40)");
    }

    @Test
    void onlyTheImportCallsTheImportDoor() {
        onlyTheImportUsesTheImportDoor().check(MUSUBI);
    }

    @Test
    void aFeatureCallingTheImportDoorFails() {
        assertThat(onlyTheImportUsesTheImportDoor().evaluate(VIOLATIONS).hasViolation()).isTrue();
    }

    @Test
    void noClassOutsideRecordBuildsAResourceWrite() {
        onlyTheRecordModuleBuildsWrites().check(MUSUBI);
    }

    @Test
    void aFeatureBuildingItsOwnWriteFails() {
        assertThat(onlyTheRecordModuleBuildsWrites().evaluate(VIOLATIONS).hasViolation()).isTrue();
    }

    @Test
    void theRecordStoreDependsOnNoDoor() {
        theStoreKnowsNoDoor("org.musubi.record.store..", "org.musubi.record.jdbc..").check(MUSUBI);
    }

    @Test
    void aStoreKnowingADoorFails() {
        assertThat(theStoreKnowsNoDoor("org.musubi.archfixtures.recorddoor..").evaluate(VIOLATIONS).hasViolation())
                .isTrue();
    }
}
