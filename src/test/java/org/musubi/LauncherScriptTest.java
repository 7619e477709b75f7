package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./musubi} and {@code ./mvnw} check the JDK the same way ({@code .mvn/jdk.sh}): on JDK 17 they stop with one
 * line (Japanese, then English) naming the JDK found and how to name a newer one, never with
 * {@code UnsupportedClassVersionError}; on this build's JDK the check lets them through.
 */
class LauncherScriptTest {

    private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    @Test
    void launcherIsAnExecutablePosixScript() throws IOException {
        Path launcher = Path.of("musubi");
        assertThat(Files.isExecutable(launcher)).as("./musubi is executable").isTrue();
        assertThat(Files.readAllLines(launcher).getFirst()).isEqualTo("#!/bin/sh");
        assertThat(Files.readString(launcher)).contains(". \"$musubi_root/.mvn/jdk.sh\"", "-jar \"$musubi_jar\" \"$@\"");
        assertThat(Files.readString(Path.of("mvnw"))).contains(". \"$scriptDir/.mvn/jdk.sh\"");
    }

    @Test
    void launcherOnJdk17SaysInOneLineWhichJdkItFoundAndHowToNameANewerOne() throws Exception {
        assumeTrue(Files.isExecutable(JDK_17.resolve("bin/java")), "JDK 17 is not installed under /usr/lib/jvm");
        Result result = run(List.of("sh", "./musubi", "--help"), Map.of("JAVA_HOME", JDK_17.toString()));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).hasSize(1);
        assertThat(result.err()).contains("JDK 21 以降が必要です", "Musubi needs JDK 21 or newer", "found 17 at "
                + JDK_17.resolve("bin/java"), "JAVA_HOME=", "./musubi").doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void mavenWrapperOnJdk17StopsWithTheSameLine() throws Exception {
        assumeTrue(Files.isExecutable(JDK_17.resolve("bin/java")), "JDK 17 is not installed under /usr/lib/jvm");
        Result result = run(List.of("sh", "./mvnw", "-v"), Map.of("JAVA_HOME", JDK_17.toString()));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(1);
        assertThat(result.err()).contains("Musubi needs JDK 21 or newer (found 17 at", "./mvnw");
    }

    @Test
    void checkNamesThisBuildsJavaAsGoodEnough() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Result result = run(List.of("sh", "-c", ". ./.mvn/jdk.sh && musubi_java ./musubi"),
                Map.of("JAVA_HOME", javaHome.toString()));

        assertThat(result.exit()).isZero();
        assertThat(result.out().strip()).isEqualTo(javaHome.resolve("bin/java").toString());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void missingJavaIsNamedInOneLine() throws Exception {
        Result result = run(List.of("sh", "./musubi", "--help"), Map.of("JAVA_HOME", "/nonexistent-jdk"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(1);
        assertThat(result.err()).contains("java が見つかりません", "no java was found (JAVA_HOME=/nonexistent-jdk)");
    }

    @Test
    void launcherRebuildsTheJarWhenASourceIsNewerAndOnlyThen() throws Exception {
        // A copy of the launcher in a scratch project whose ./mvnw only says it was called and fails, so the test sees
        // whether the launcher asked for a build without building anything.
        Path root = Files.createTempDirectory("launcher-root");
        Files.createDirectories(root.resolve(".mvn"));
        Files.copy(Path.of("musubi"), root.resolve("musubi"));
        Files.copy(Path.of(".mvn/jdk.sh"), root.resolve(".mvn/jdk.sh"));
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\necho \"mvnw $*\" >&2\nexit 3\n");
        root.resolve("mvnw").toFile().setExecutable(true);
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path source = Files.createDirectories(root.resolve("src/main/java")).resolve("A.java");
        Files.writeString(source, "class A {}");
        Path jar = Files.createDirectories(root.resolve("target")).resolve("musubi.jar");
        Files.writeString(jar, "not a jar");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(root.resolve("pom.xml"), old);
        Files.setLastModifiedTime(source, old);
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));

        Result fresh = run(List.of("sh", root.resolve("musubi").toString(), "--help"), env);
        assertThat(fresh.err()).as("the jar is newer than every source: no build").doesNotContain("mvnw -B", "rebuilding");

        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Result stale = run(List.of("sh", root.resolve("musubi").toString(), "--help"), env);
        assertThat(stale.err()).contains("the sources are newer than target/musubi.jar: rebuilding it",
                "mvnw -B -q package -DskipTests");
        assertThat(stale.exit()).as("a failed build stops the launcher").isEqualTo(1);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
