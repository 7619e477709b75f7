package org.musubi.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.backup.BackupKey;
import org.musubi.backup.BackupRefused;
import org.musubi.commandline.MusubiCommandLine;
import org.musubi.commandline.Settings;
import picocli.CommandLine;

class BackupCommandLineTest {

    @TempDir Path folder;

    @Test
    void separatesTheCommandsOptionsFromTheApplicationsSettings() {
        BackupLine line = BackupLine.of("--to=a.musubi-backup", "--key-file=k", "--musubi.blob.directory=b", "verify");

        assertThat(line.arguments.options()).containsEntry("to", "a.musubi-backup").containsEntry("key-file", "k");
        assertThat(line.arguments.verify()).isTrue();
        assertThat(line.settings.values()).containsExactly("--musubi.blob.directory=b");
    }

    @Test
    void readsOptionsAndSettingsWrittenWithASpaceAlike() {
        BackupLine line = BackupLine.of("--to", "a.musubi-backup", "--key-file", "k", "--musubi.blob.directory", "b");

        assertThat(line.arguments.options()).containsEntry("to", "a.musubi-backup").containsEntry("key-file", "k");
        assertThat(line.arguments.verify()).isFalse();
        assertThat(line.settings.values()).containsExactly("--musubi.blob.directory=b");
    }

    /** The options of {@code backup} as its command reads them. */
    @CommandLine.Command(name = "backup")
    static final class BackupLine {
        @CommandLine.Mixin
        BackupArguments arguments;
        @CommandLine.Mixin
        Settings settings;

        static BackupLine of(String... args) {
            BackupLine line = new BackupLine();
            MusubiCommandLine.parse(line, args);
            return line;
        }
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
        var err = new ByteArrayOutputStream();
        int code = BackupCommandLine.verify(folder.resolve("none.musubi-backup"), BackupKey.of("a long enough passphrase"),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("ファイルがありません", "No such file");
    }
}
