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
    }

    private static int run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(sink);
        return SynthCommand.run(args, stream, stream);
    }
}
