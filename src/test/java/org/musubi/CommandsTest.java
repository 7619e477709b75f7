package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void everyCommandExplainsItselfWithHelp() {
        assertThat(run("--help")).contains("serve", "synth", "audit verify");
        assertThat(run("serve", "--help")).contains("Usage: musubi serve");
        assertThat(run("synth", "--help")).contains("--seed=N");
        assertThat(run("audit", "verify", "--help")).contains("Exit code: 0 intact, 1 faults found");
        assertThat(run("backup", "--help")).contains("Usage: musubi backup --to=<file>", "musubi backup verify");
        assertThat(run("restore", "--help")).contains("Usage: musubi restore --from=<file>", "EMPTY database");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = Commands.run(args);
            assertThat(code).isZero();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
