package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code musubi drugs}: help, and usage errors that start no Spring context. */
class DrugsCommandLineTest {

    @Test
    void drugsLoadExplainsItselfAndRefusesAMissingFileArgument() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(Commands.run(new String[] {"drugs", "load", "--help"})).isZero();
            assertThat(Commands.run(new String[] {"drugs", "load"})).isEqualTo(2);
            assertThat(Commands.run(new String[] {"drugs", "unload", "x.csv"})).isEqualTo(2);
            assertThat(Commands.run(new String[] {"--help"})).isZero();
        } finally {
            System.setOut(original);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Usage: musubi drugs load <file.xlsx|file.csv>")
                .contains("drugs load      load the MHLW drug price list");
    }
}
