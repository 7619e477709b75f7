package org.musubi.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.synth.cli.SynthCommand;

class SynthCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        assertThat(run("--seed=7", "--persons=300", "--out=" + dir.resolve("a"))).isZero();
        assertThat(run("--seed=7", "--persons=300", "--out=" + dir.resolve("b"))).isZero();
        assertThat(run("--seed=8", "--persons=300", "--out=" + dir.resolve("c"))).isZero();

        for (String file : new String[] {"facilities.csv", "users.csv", "persons.csv"}) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        assertThat(Files.readAllBytes(dir.resolve("a/persons.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("c/persons.csv")));
        assertThat(Files.readAllLines(dir.resolve("a/persons.csv"))).hasSize(301);
    }

    @Test
    void refusesBadArgumentsWithUsage() {
        assertThat(run("--persons=many")).isEqualTo(2);
        assertThat(run("stray")).isEqualTo(2);
        assertThat(run("--sources", "--update-percent=120", "--out=" + dir.resolve("bad"))).isEqualTo(2);
        assertThat(run("--sources", "--messages-per-patient=0", "--out=" + dir.resolve("bad"))).isEqualTo(2);
    }

    @Test
    void writesTheFacilitiesSourceFilesWhenAsked() {
        assertThat(run("--seed=7", "--persons=20", "--messages-per-patient=8", "--sources", "--out=" + dir.resolve("s")))
                .isZero();

        assertThat(dir.resolve("s/persons.csv")).exists();
        assertThat(dir.resolve("s/sources")).isDirectoryRecursivelyContaining("glob:**/ssmix2/*/*/*/-/ADT-00/*_1")
                .isDirectoryRecursivelyContaining("glob:**/jahis/*.txt");
    }

    @Test
    void sourcesOutPutsThemElsewhere() {
        assertThat(run("--seed=7", "--persons=5", "--messages-per-patient=5", "--sources-out=" + dir.resolve("elsewhere"),
                "--out=" + dir.resolve("n"))).isZero();

        assertThat(dir.resolve("elsewhere")).isDirectoryRecursivelyContaining("glob:**/ssmix2/**/OMP-01/*");
        assertThat(dir.resolve("n/sources")).doesNotExist();
    }

    @Test
    void helpExplainsTheSourceFiles() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThat(SynthCommand.run(new String[] {"--help"}, new PrintStream(sink), new PrintStream(sink))).isZero();
        assertThat(sink.toString()).contains("--sources", "--messages-per-patient=N", "ssmix2", "jahis");
    }

    private static int run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(sink);
        return SynthCommand.run(args, stream, stream);
    }
}
