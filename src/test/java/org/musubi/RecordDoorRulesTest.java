package org.musubi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.musubi.record.release.ReleaseCohort;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.imports.ImportRecords;
import org.musubi.record.write.EnterFindings;
import org.musubi.testing.MusubiClasses;

/**
 * One write door for a person's record (issue 40): every writer but the import goes through {@code WriteRecords} with
 * writes made by {@code ResourceEncoder}; the import keeps its own batch door, {@code ImportRecords}, and no one else
 * uses it; the store serves the doors without knowing them. Each rule is also checked against a deliberate violation
 * ({@code org.musubi.archfixtures.recorddoor}), so that "a violation fails" stays proved. The core stands below the
 * features (issue 68): the record and the policy depend on none of them, and the doors' public methods name none of
 * their types — another party seeing part of a record is a {@code policy.DisclosureKind}, not a door method.
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

    /** The modules below the features: what the record and the policy may depend on, besides each other. */
    static final List<String> GROUND = List.of("policy", "record", "audit", "identity", "registry", "consent", "paging",
            "database", "text", "security", "disaster");

    /** Whether a type belongs to a feature module: a Musubi type outside {@link #GROUND} and outside {@code own}. */
    static boolean feature(JavaClass type, String own) {
        String name = type.getPackageName();
        if (!name.startsWith("org.musubi.") || name.startsWith(own)) {
            return false;
        }
        String module = name.substring("org.musubi.".length()).split("\\.")[0];
        return !GROUND.contains(module);
    }

    /**
     * The module {@code module} ({@code org.musubi.<module>}, or a fixture's package) depends on no feature module: the
     * record and the policy stand below every feature, which reach them and never the reverse.
     */
    static ArchRule dependsOnNoFeature(String module, String... allowedModules) {
        String own = module.startsWith("org.") ? module : "org.musubi." + module;
        List<String> allowed = Stream.of(allowedModules).map(m -> "org.musubi." + m).toList();
        return noClasses().that().resideInAPackage(own + "..").should().dependOnClassesThat(DescribedPredicate.describe(
                        "belong to a feature module", (JavaClass type) -> feature(type, own)
                                && allowed.stream().noneMatch(type.getPackageName()::startsWith)))
                .because("the core stands below the features: a feature's need of the core is a kind or a value the "
                        + "core declares, never a feature type in the core (issue 68)");
    }

    /** The door classes {@code doors}: their public methods name no feature module's type, in parameters or results. */
    static ArchRule doorsNameNoFeatureType(DescribedPredicate<JavaClass> doors) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods().that().areDeclaredInClassesThat(doors)
                .and().arePublic().should(new ArchCondition<JavaMethod>("name no feature module's type") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        String own = method.getOwner().getPackageName();
                        Stream.concat(method.getReturnType().getAllInvolvedRawTypes().stream(),
                                        method.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
                                .filter(type -> feature(type, own.startsWith("org.musubi.archfixtures") ? own
                                        : "org.musubi.record"))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " names " + type.getName())));
                    }
                }).because("a new wing is a DisclosureKind or a value the core declares, not a door method naming it "
                        + "(issue 68)");
    }

    @Test
    void theRecordAndThePolicyDependOnNoFeature() {
        dependsOnNoFeature("record").check(MUSUBI);
        dependsOnNoFeature("policy").check(MUSUBI);
    }

    @Test
    void aCoreDependingOnAFeatureFails() {
        assertThat(dependsOnNoFeature("org.musubi.archfixtures.recorddoor").evaluate(VIOLATIONS).hasViolation())
                .isTrue();
    }

    @Test
    void theDoorsNameNoFeatureType() {
        doorsNameNoFeatureType(DescribedPredicate.describe("the policy's and the record's doors",
                (JavaClass c) -> Stream.of(AccessPolicy.class, PersonAccess.class, ReadRecords.class,
                        WriteRecords.class, EnterFindings.class, ReleaseCohort.class).anyMatch(c::isEquivalentTo)))
                .check(MUSUBI);
    }

    @Test
    void aDoorNamingAFeatureTypeFails() {
        assertThat(doorsNameNoFeatureType(DescribedPredicate.describe("the fixture's door",
                (JavaClass c) -> c.getSimpleName().equals("DoorNamingAFeature"))).evaluate(VIOLATIONS).hasViolation())
                .isTrue();
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
