package org.musubi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.commandline.MusubiCommandLine;

/** The real commands read {@code --name value} as {@code --name=value}, and refuse bad options before starting anything. */
class CommandLineFormsTest {

    @TempDir
    Path folder;

    @Test
    void importReadsTheFacilityWrittenWithASpace() {
        DatabaseCommands.Import command = new DatabaseCommands.Import();
        MusubiCommandLine.parse(command, new String[] {"jahis", "DIR", "--facility", "3440495194", "--source", "drop",
                "--musubi.database.url", "jdbc:postgresql://db/musubi"});

        assertThat(command.facility).isEqualTo("3440495194");
        assertThat(command.source).isEqualTo("drop");
        assertThat(command.words).containsExactly("jahis", "DIR");
        assertThat(command.settings.values()).containsExactly("--musubi.database.url=jdbc:postgresql://db/musubi");
    }

    @Test
    void adminCreateAndBackupReadBothFormsToo() {
        DatabaseCommands.AdminCreate admin = new DatabaseCommands.AdminCreate();
        MusubiCommandLine.parse(admin, new String[] {"create", "--login-id", "operator1", "--name=結 花子"});
        BackupCommands.Backup backup = new BackupCommands.Backup();
        MusubiCommandLine.parse(backup, new String[] {"--to", "a.musubi-backup", "--key-file", "k"});

        assertThat(admin.loginId).isEqualTo("operator1");
        assertThat(admin.name).isEqualTo("結 花子");
        assertThat(backup.arguments.options()).containsEntry("to", "a.musubi-backup").containsEntry("key-file", "k");
    }

    @Test
    void importWithoutAFacilitySaysSoBeforeStartingTheDatabase() {
        Run run = run("import", "jahis", folder.toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--facility がありません", "--facility=CODE または --facility CODE",
                "--facility is missing");
    }

    @Test
    void importWithAFacilityThatIsNoInstitutionCodeNamesTheOptionAndTheForm() {
        Run run = run("import", "jahis", folder.toString(), "--facility", "hiroshima");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--facility の値「hiroshima」", "10 桁の数字", "10 digits are expected");
    }

    @Test
    void synthReadsBothFormsAndNamesABadValue() {
        Path out = folder.resolve("s");
        assertThat(run("synth", "--seed", "7", "--persons", "20", "--out", out.toString()).exit).isZero();
        assertThat(out.resolve("persons.csv")).exists();

        Run bad = run("synth", "--persons", "many");
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.err).contains("--persons", "「many」", "整数", "a whole number");
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        Run run = run("frobnicate");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("Unknown command: frobnicate", "audit verify");
    }

    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Commands.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private record Run(int exit, String out, String err) {
    }
}
