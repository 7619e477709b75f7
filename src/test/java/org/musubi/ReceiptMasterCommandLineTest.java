package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code musubi receipt-master}: help, and usage errors that start no Spring context. */
class ReceiptMasterCommandLineTest {

    @Test
    void receiptMasterLoadExplainsItselfAndRefusesAMissingFileArgument() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(Commands.run(new String[] {"receipt-master", "load", "--help"})).isZero();
            assertThat(Commands.run(new String[] {"receipt-master", "load"})).isEqualTo(2);
            assertThat(Commands.run(new String[] {"receipt-master", "unload", "y.csv"})).isEqualTo(2);
            assertThat(Commands.run(new String[] {"--help"})).isZero();
        } finally {
            System.setOut(original);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Usage: musubi receipt-master load <file.csv> [<file.csv> ...]")
                .contains("receipt-master load  load the receipt masters that name the codes of receipt (UKE) files");
    }
}
