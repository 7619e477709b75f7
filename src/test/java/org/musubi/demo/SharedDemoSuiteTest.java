package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.suite.api.SelectClasses;

/**
 * Every test class on the demo the test JVM shares ({@link StartedDemo}, without a demo of its own) runs through
 * {@link SharedDemoSuiteIT} and only there: it is in the suite's selection and pom.xml leaves it out of the integration
 * tests' own. A class missing from either would start a second demo in the other JVM, or run twice.
 */
class SharedDemoSuiteTest {

    private static final Path DEMO_TESTS = Path.of("src", "test", "java", "org", "musubi", "demo");

    @Test
    void everyClassOnTheSharedDemoRunsThroughTheSuiteOnly() throws IOException {
        Set<String> onTheSharedDemo = new TreeSet<>();
        try (Stream<Path> files = Files.list(DEMO_TESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains(" extends StartedDemo") && !source.contains("boolean ownDemo()")) {
                    // a class on the shared demo, or on it as its first visitor (unvisitedDemo)
                    onTheSharedDemo.add(file.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertThat(onTheSharedDemo).as("the classes on the shared demo").contains("ScreenLintIT", "DemoTourIT");

        Set<String> inTheSuite = Arrays.stream(SharedDemoSuiteIT.class.getAnnotation(SelectClasses.class).value())
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inTheSuite).as("SharedDemoSuiteIT's classes").isEqualTo(onTheSharedDemo);
        assertThat(SharedDemoSuiteIT.class.getAnnotation(SelectClasses.class).value()[0])
                .as("the class that needs a demo nobody has visited runs first").isEqualTo(RoleHomePagesIT.class);

        String pom = Files.readString(Path.of("pom.xml"));
        String failsafe = pom.substring(pom.indexOf("<artifactId>maven-failsafe-plugin</artifactId>"));
        List<String> excluded = onTheSharedDemo.stream()
                .filter(c -> failsafe.contains("<exclude>org/musubi/demo/" + c + ".java</exclude>")).toList();
        assertThat(excluded).as("left out of failsafe's own selection in pom.xml").containsExactlyElementsOf(onTheSharedDemo);
    }
}
