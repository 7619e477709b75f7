package org.musubi.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Every command reads its options alike: both forms, flags, settings, and usage errors that say what is expected. */
class MusubiCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void readsAnOptionWrittenWithAnEqualsSignOrASpaceAlike() {
        Sample equals = run("jahis", "--facility=3440495194", "/srv/drop");
        Sample space = run("jahis", "--facility", "3440495194", "/srv/drop");

        assertThat(space.facility).isEqualTo(equals.facility).isEqualTo("3440495194");
        assertThat(space.words).isEqualTo(equals.words).containsExactly("jahis", "/srv/drop");
        assertThat(space.exit).isEqualTo(equals.exit).isZero();
    }

    @Test
    void aFlagTakesNoValueSoTheNextArgumentStaysAnArgument() {
        Sample sample = run("--dry-run", "jahis", "--count", "3", "/srv/drop");

        assertThat(sample.dryRun).isTrue();
        assertThat(sample.count).isEqualTo(3);
        assertThat(sample.words).containsExactly("jahis", "/srv/drop");
    }

    @Test
    void passesSettingsThroughInEitherFormAsNameEqualsValue() {
        Sample sample = run("jahis", "--musubi.database.url", "jdbc:postgresql://db/musubi", "/srv/drop",
                "--server.port=9090");

        assertThat(sample.settingValues).containsExactly("--musubi.database.url=jdbc:postgresql://db/musubi",
                "--server.port=9090");
        assertThat(sample.words).containsExactly("jahis", "/srv/drop");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageErrorNamingTheOptionAndBothForms() {
        Sample sample = run("jahis", "/srv/drop", "--facility");

        assertThat(sample.exit).isEqualTo(2);
        assertThat(sample.called).isFalse();
        assertThat(errors()).contains("オプション --facility に値がありません", "--facility=CODE または --facility CODE",
                "option --facility needs a value", "sample --help");
    }

    @Test
    void anOptionsValueIsNeverTakenFromTheNextOption() {
        Sample sample = run("jahis", "/srv/drop", "--facility", "--musubi.demo.enabled=true");

        assertThat(sample.exit).isEqualTo(2);
        assertThat(errors()).contains("--facility");
    }

    @Test
    void anUnknownOptionIsNamedWithTheOptionsTheCommandTakes() {
        Sample sample = run("jahis", "/srv/drop", "--facilty=3440495194");

        assertThat(sample.exit).isEqualTo(2);
        assertThat(errors()).contains("不明なオプションです: --facilty=3440495194", "--facility", "--count",
                "unknown option --facilty=3440495194");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatIsExpected() {
        Sample sample = run("jahis", "/srv/drop", "--count", "many");

        assertThat(sample.exit).isEqualTo(2);
        assertThat(errors()).contains("オプション --count の値「many」は読めません。整数", "a whole number is expected");
    }

    @Test
    void aNumberWithALeadingZeroIsDecimal() {
        assertThat(run("--count", "08").count).isEqualTo(8);
    }

    @Test
    void helpIsTheCommandsOwnText() {
        Sample sample = run("--help");

        assertThat(sample.exit).isZero();
        assertThat(sample.called).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Sample.USAGE);
    }

    private Sample run(String... args) {
        Sample sample = new Sample();
        sample.exit = MusubiCommandLine.execute(sample, args, print(out), print(err));
        return sample;
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Command(name = "sample")
    static final class Sample implements Callable<Integer>, UsageText {

        static final String USAGE = "Usage: sample KIND PATH --facility=CODE [--count=N] [--dry-run]\n";

        @Mixin
        HelpOption help;
        @Mixin
        Settings settings;
        @Parameters
        List<String> words = new ArrayList<>();
        @Option(names = "--facility", paramLabel = "CODE")
        String facility;
        @Option(names = "--count", paramLabel = "N")
        int count;
        @Option(names = "--dry-run")
        boolean dryRun;
        List<String> settingValues;
        boolean called;
        int exit;

        @Override
        public String usage() {
            return USAGE;
        }

        @Override
        public Integer call() {
            called = true;
            settingValues = List.of(settings.values());
            return 0;
        }
    }
}
