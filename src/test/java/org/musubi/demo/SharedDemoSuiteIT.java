package org.musubi.demo;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The classes that read the one demo a test JVM shares ({@link StartedDemo}), run one after the other in one
 * integration-test JVM: each of the build's two JVMs would otherwise start and seed a demo of its own (30–50 s of a CI
 * core each) as soon as it took one of them, and two demos would run side by side on the two cores. {@code ./mvnw
 * verify} runs them only through this suite (pom.xml leaves them out of the integration tests' own selection);
 * {@code -Dit.test=ScreenLintIT} and the like still run one alone. {@link SharedDemoSuiteTest} checks that every class
 * on the shared demo is here and left out there. The suite runs its classes in this order: {@link RoleHomePagesIT},
 * which needs a demo nobody has visited yet, first; then short classes between long ones, so that an account
 * rarely signs in again within the 30 seconds of its last code (the demo's second factor makes it wait for the next).
 */
@Suite
@SelectClasses({RoleHomePagesIT.class, DemoThirdTourIT.class, ScreenLintIT.class, StatisticsDemoIT.class,
    DemoImagingIT.class, RoleMenuIT.class, ScreenWidthsBrowserIT.class, DemoClinicalReadingIT.class,
    KeyboardBrowserIT.class, DemoTourIT.class, DemoSecondTourIT.class})
class SharedDemoSuiteIT {
}
