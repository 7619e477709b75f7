package org.musubi.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.backup.BackupKey;
import org.musubi.backup.BackupRefused;

class BackupCommandLineTest {

    @TempDir Path folder;

    @Test
    void separatesTheCommandsOptionsFromTheApplicationsSettings() {
        String[] args = {"--to=a.musubi-backup", "--key-file=k", "--musubi.blob.directory=b", "verify"};

        assertThat(BackupCommandLine.options(args)).containsEntry("to", "a.musubi-backup").containsEntry("key-file", "k");
        assertThat(BackupCommandLine.settings(args)).containsExactly("--musubi.blob.directory=b");
    }

    @Test
    void takesTheKeyFromTheKeyFileFirstThenFromTheEnvironmentAndRefusesNone() throws IOException {
        Path file = Files.writeString(folder.resolve("backup.key"), "  a passphrase from the file  \nsecond line\n");

        assertThat(BackupCommandLine.key(Map.of("key-file", file.toString()), name -> "the environment's passphrase"))
                .isNotNull().hasToString("BackupKey[(hidden)]");
        assertThat(BackupCommandLine.key(Map.of(), name -> name.equals(BackupKey.ENVIRONMENT) ? "the environment's passphrase" : null))
                .isNotNull();
        assertThatThrownBy(() -> BackupCommandLine.key(Map.of(), name -> null)).isInstanceOf(BackupRefused.class)
                .hasMessageContaining("MUSUBI_BACKUP_KEY").extracting(e -> ((BackupRefused) e).japanese()).asString()
                .contains("鍵がありません");
        assertThatThrownBy(() -> BackupCommandLine.key(Map.of("key-file", folder.resolve("none").toString()), name -> null))
                .hasMessageContaining("Cannot read the key file");
    }

    @Test
    void verifyingAMissingArchiveSaysSoInBothLanguages() throws BackupRefused {
        var err = new java.io.ByteArrayOutputStream();
        int code = BackupCommandLine.verify(folder.resolve("none.musubi-backup"), BackupKey.of("a long enough passphrase"),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err, true));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("ファイルがありません", "No such file");
    }
}
