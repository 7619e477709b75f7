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
 * which needs a demo nobody has visited yet, first.
 */
@Suite
@SelectClasses({RoleHomePagesIT.class, ScreenLintIT.class, RoleMenuIT.class, ScreenWidthsBrowserIT.class, KeyboardBrowserIT.class,
    DemoTourIT.class, DemoSecondTourIT.class, DemoThirdTourIT.class, StatisticsDemoIT.class, DemoClinicalReadingIT.class,
    DemoImagingIT.class})
class SharedDemoSuiteIT {
}
