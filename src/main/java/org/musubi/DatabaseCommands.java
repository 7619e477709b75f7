package org.musubi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.musubi.audit.cli.AuditVerifyCommand;
import org.musubi.audit.cli.MergeSpoolCommand;
import org.musubi.commandline.HelpOption;
import org.musubi.commandline.Settings;
import org.musubi.commandline.UsageError;
import org.musubi.commandline.UsageText;
import org.musubi.ingest.cli.ImportCommand;
import org.musubi.medication.cli.DrugsCommand;
import org.musubi.receiptmaster.cli.ReceiptMasterCommand;
import org.musubi.security.cli.CreateNetworkAdminCommand;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands that run in Musubi's context on its database: {@code import}, {@code audit verify}, {@code admin create}, {@code drugs load}. */
final class DatabaseCommands {

    private DatabaseCommands() {
    }

    /** Runs {@code body} in a command context with {@code settings}; a context that cannot start is exit code 1. */
    static int inContext(String[] settings, Function<ConfigurableApplicationContext, Integer> body) {
        try (ConfigurableApplicationContext context = CommandContexts.of(settings).run(CommandContexts.quiet(settings))) {
            return body.apply(context);
        } catch (RuntimeException e) {
            return CommandContexts.failed(e);
        }
    }

    @Command(name = "import")
    static final class Import implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Mixin
        Settings settings;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "KIND PATH")
        List<String> words = new ArrayList<>();
        @Option(names = "--facility", paramLabel = "CODE")
        String facility;
        @Option(names = "--source", paramLabel = "NAME")
        String source;

        @Override
        public String usage() {
            return ImportCommand.HELP;
        }

        @Override
        public Integer call() {
            String[] values = settings.values();
            if (words.size() != 2) {
                System.out.print(ImportCommand.HELP);
                return 2;
            }
            if (facility == null || facility.isBlank()) {
                throw new UsageError(spec, "cli.import.noFacilityOption");
            }
            if (!facility.matches("\\d{10}")) {
                throw new UsageError(spec, "cli.import.facilityCode", facility);
            }
            Map<String, String> options = new HashMap<>(Map.of("facility", facility));
            if (source != null) {
                options.put("source", source);
            }
            return inContext(values, context -> context.getBean(ImportCommand.class)
                    .run(words.get(0), Path.of(words.get(1)), options, System.out, System.err));
        }
    }

    @Command(name = "audit")
    static final class AuditVerify implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Mixin
        Settings settings;
        @Parameters(paramLabel = "verify")
        List<String> words = new ArrayList<>();

        @Override
        public String usage() {
            return """
                    Usage: musubi audit verify
                           musubi audit merge-spool

                    verify: reads the whole audit trail in sequence order and checks every row's hash and link, that no
                    sequence number is missing, and that the last row matches the recorded chain head.
                    merge-spool: merges the audit spool a read-only standby kept (musubi.audit.spool-directory, by
                    default ./data/spool) into the trail of the writable database, after checking the spool's own
                    hash chain; merging twice adds nothing twice (docs/disaster.md).
                    Uses the same database settings as 'serve'. With the embedded database, stop the server first
                    (or use 'Verify' on the audit screen of the running server).
                    Exit code: 0 intact, 1 faults found, 2 usage error (merge-spool: 0 merged or nothing to merge, 1 refused).
                    """;
        }

        @Override
        public Integer call() {
            String[] values = settings.values();
            if (words.equals(List.of("merge-spool"))) {
                return inContext(values, context -> context.getBean(MergeSpoolCommand.class)
                        .run(System.out, System.err));
            }
            if (!words.equals(List.of("verify"))) {
                System.out.print(usage());
                return 2;
            }
            return inContext(values, context -> context.getBean(AuditVerifyCommand.class).run(System.out));
        }
    }

    @Command(name = "admin")
    static final class AdminCreate implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Mixin
        Settings settings;
        @Parameters(paramLabel = "create")
        List<String> words = new ArrayList<>();
        @Option(names = "--login-id", paramLabel = "ID")
        String loginId;
        @Option(names = "--name", paramLabel = "氏名")
        String name;
        @Option(names = "--kana", paramLabel = "カナ")
        String kana;

        @Override
        public String usage() {
            return CreateNetworkAdminCommand.HELP;
        }

        @Override
        public Integer call() {
            String[] values = settings.values();
            if (!words.equals(List.of("create"))) {
                System.out.print(usage());
                return 2;
            }
            Map<String, String> options = new HashMap<>();
            options.put("login-id", loginId);
            if (name != null) {
                options.put("name", name);
            }
            if (kana != null) {
                options.put("kana", kana);
            }
            return inContext(values, context -> context.getBean(CreateNetworkAdminCommand.class)
                    .run(options, System.out, System.err));
        }
    }

    @Command(name = "drugs")
    static final class DrugsLoad implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Mixin
        Settings settings;
        @Parameters(paramLabel = "load FILE")
        List<String> words = new ArrayList<>();

        @Override
        public String usage() {
            return DrugsCommand.HELP;
        }

        @Override
        public Integer call() {
            String[] values = settings.values();
            if (words.size() != 2 || !words.getFirst().equals("load")) {
                System.out.print(usage());
                return 2;
            }
            return inContext(values, context -> context.getBean(DrugsCommand.class)
                    .load(Path.of(words.get(1)), System.out, System.err));
        }
    }

    /** {@code musubi receipt-master load FILE...}: the receipt masters that name a receipt's codes. */
    @Command(name = "receipt-master")
    static final class ReceiptMasterLoad implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Mixin
        Settings settings;
        @Parameters(paramLabel = "load FILE...")
        List<String> words = new ArrayList<>();

        @Override
        public String usage() {
            return ReceiptMasterCommand.HELP;
        }

        @Override
        public Integer call() {
            String[] values = settings.values();
            if (words.size() < 2 || !words.getFirst().equals("load")) {
                System.out.print(usage());
                return 2;
            }
            List<Path> files = words.subList(1, words.size()).stream().map(Path::of).toList();
            return inContext(values, context -> context.getBean(ReceiptMasterCommand.class)
                    .load(files, System.out, System.err));
        }
    }
}
