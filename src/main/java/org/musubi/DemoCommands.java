package org.musubi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.musubi.commandline.HelpOption;
import org.musubi.commandline.Settings;
import org.musubi.commandline.UsageText;
import org.musubi.demo.DemoProgress;
import org.musubi.demo.DemoProperties;
import org.musubi.identity.Persons;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code musubi demo reset}: the demo made again from nothing, dated to today (its records end yesterday). Only for a
 * demo installation: the embedded database in demo mode, with no network administrator of its own (one made with
 * {@code admin create} means the installation holds more than the demo). The server must be stopped.
 */
@Command(name = "demo")
final class DemoCommands implements Callable<Integer>, UsageText {

    /** How long the demo's records and story may take to import. */
    private static final Duration SEEDING = Duration.ofMinutes(15);

    @Mixin
    HelpOption help;
    @Mixin
    Settings settings;
    @Parameters(paramLabel = "reset")
    List<String> words = new ArrayList<>();

    @Override
    public String usage() {
        return """
                Usage: musubi demo reset

                Deletes the demo's database and source files and makes the demo again, as on the first start: the
                demo network, its records (dated up to yesterday) and its story (cards, consents, links, a duplicate
                medication, an HbA1c trend, documents, a review item, a rejected record).
                Only with the embedded database in demo mode, and only when no network administrator was created
                with 'admin create'. Stop the server first. Uses the same settings as 'serve'.
                デモ環境のデータベースを消して、初回起動と同じデモ環境（記録は昨日まで）を作り直します。
                """;
    }

    @Override
    public Integer call() {
        String[] values = settings.values();
        if (!words.equals(List.of("reset"))) {
            System.out.print(usage());
            return 2;
        }
        if (CommandContexts.externalDatabase(values)) {
            System.err.println("musubi: デモのリセットは組み込みデータベースでだけ使えます / demo reset works only with the"
                    + " embedded database");
            return 2;
        }
        try {
            Path folder;
            try (ConfigurableApplicationContext check = CommandContexts.of(values).run(CommandContexts.quiet(values))) {
                DemoProperties demo = check.getBean(DemoProperties.class);
                if (!demo.enabled() || check.getBean(Users.class).anyActiveNetworkAdmin()) {
                    System.err.println("musubi: このデータベースはデモ環境ではありません（デモモードが無効か、admin create で作った"
                            + "ネットワーク管理者がいます）。リセットしません / This is not a demo installation (demo mode is off,"
                            + " or a network administrator was created with 'admin create'): nothing was reset");
                    return 1;
                }
                folder = demo.importFolder();
            }
            deleteTree(folder);
            return seeded(values);
        } catch (RuntimeException e) {
            return CommandContexts.failed(e);
        }
    }

    /** Starts on a wiped embedded cluster with seeding on and waits until the demo is complete. */
    private static int seeded(String[] values) {
        SpringApplication app = CommandContexts.of(values);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("musubi.demo.enabled", "true", "musubi.demo.seed", "true",
                "spring.main.banner-mode", "off", "musubi.ingest.watch", "false", "musubi.database.migrate-to", "latest"));
        String[] args = Stream.concat(Arrays.stream(CommandContexts.quiet(values)),
                Stream.of("--musubi.database.embedded.clean-on-start=true")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(args)) {
            if (!context.getBean(DemoProgress.class).await(SEEDING)) {
                System.err.println("musubi: デモの記録の取り込みが " + SEEDING.toMinutes() + " 分で終わりませんでした / the demo's records"
                        + " were not imported within " + SEEDING.toMinutes() + " minutes");
                return 1;
            }
            System.out.printf("デモ環境を作り直しました：施設 %d、利用者 %d、患者 %d / The demo was made again: %d facilities,"
                            + " %d users, %d persons%n", context.getBean(Facilities.class).count(),
                    context.getBean(Users.class).count(), context.getBean(Persons.class).count(),
                    context.getBean(Facilities.class).count(), context.getBean(Users.class).count(),
                    context.getBean(Persons.class).count());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
