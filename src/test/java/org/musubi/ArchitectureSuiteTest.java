package org.musubi;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The architecture rules, run one after the other in one test JVM: the four classes that check their rules against
 * {@link org.musubi.testing.MusubiClasses}' import of Musubi (about 45 s of CPU on the CI's machine) share one import
 * instead of making it again in each of the build's two unit-test JVMs, and Spring Modulith's model comes next to
 * them. {@code ./mvnw verify} runs them only through this suite (pom.xml leaves them out of the unit tests' own
 * selection); {@code -Dtest=ArchitectureTest} and the like still run one alone.
 */
@Suite
@SelectClasses(names = {"org.musubi.ArchitectureTest", "org.musubi.DependencyRulesTest", "org.musubi.RecordDoorRulesTest",
    "org.musubi.security.internal.session.SessionAttributesTest", "org.musubi.ModularityTest"})
class ArchitectureSuiteTest {
}
