package org.musubi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.musubi.backup.BackupContents;
import org.musubi.backup.BackupKey;
import org.musubi.backup.BackupRefused;
import org.musubi.backup.cli.BackupCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The command line: picks a subcommand and runs it, returning the process exit code. */
final class Commands {

    static final String USAGE = """
            Usage: musubi [command] [options]

            Commands:
              serve           start the server (default) on http://localhost:8080
              synth           write a deterministic synthetic network as CSV files
              import          import a facility's SS-MIX2 storage, JAHIS or lab-result files
              audit verify    check the audit trail's hash chain; exit code 1 if anything is wrong
              admin create    create the first network administrator of a new installation
              drugs load      load the MHLW drug price list (.xlsx or .csv) into the drug master
              backup          write the database and files to one encrypted archive ('backup verify' checks one)
              restore         restore an archive into an empty database and blob store

            Run 'musubi <command> --help' for a command's options.
            Configuration: environment variables such as MUSUBI_DB_URL (see docs/configuration.md).
            """;

    /** Returned by {@code serve}: the server keeps running after {@code main} returns. */
    static final int SERVING = -1;

    private Commands() {
    }

    static int run(String[] args) {
        boolean implicitServe = args.length == 0 || (args[0].startsWith("-") && !isHelp(args[0]));
        String command = implicitServe ? "serve" : args[0];
        String[] rest = implicitServe ? args : Arrays.copyOfRange(args, 1, args.length);
        PrintStream out = System.out;
        return switch (command) {
            case "serve" -> serve(rest, out);
            case "synth" -> org.musubi.synth.cli.SynthCommand.run(rest, out, System.err);
            case "audit" -> audit(rest, out);
            case "admin" -> admin(rest, out);
            case "import" -> importFiles(rest, out);
            case "drugs" -> drugs(rest, out);
            case "backup" -> backup(rest, out);
            case "restore" -> restore(rest, out);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("Unknown command: " + command);
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    private static int serve(String[] args, PrintStream out) {
        if (Arrays.asList(args).contains("--help")) {
            out.print("""
                    Usage: musubi serve [--server.port=8080] [--musubi.demo.enabled=false] ...

                    Starts the server. Without MUSUBI_DB_URL an embedded PostgreSQL keeps its data under ./data;
                    on first start with an empty database a demo network is created and the way to log in is printed.
                    Any setting from docs/configuration.md can be given as --name=value.
                    """);
            return 0;
        }
        SpringApplication app = new SpringApplication(Musubi.class);
        app.setDefaultProperties(Map.of("musubi.demo.enabled", String.valueOf(!externalDatabase(args))));
        app.run(args);
        return SERVING;
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static int admin(String[] args, PrintStream out) {
        if (args.length == 0 || !args[0].equals("create") || Arrays.asList(args).contains("--help")) {
            out.print(org.musubi.security.cli.CreateNetworkAdminCommand.HELP);
            return args.length > 0 && args[0].equals("create") ? 0 : 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : rest) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        try (ConfigurableApplicationContext context = commandContext(rest).run(quiet(rest))) {
            return context.getBean(org.musubi.security.cli.CreateNetworkAdminCommand.class).run(options, out, System.err);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** A Spring context without the web server, for commands that use the database. */
    private static SpringApplication commandContext(String[] args) {
        return commandContext(args, "latest");
    }

    /** As {@link #commandContext(String[])}, with the schema migrated at start only as far as {@code migrateTo}. */
    private static SpringApplication commandContext(String[] args, String migrateTo) {
        SpringApplication app = new SpringApplication(Musubi.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("musubi.demo.enabled", String.valueOf(!externalDatabase(args)),
                "musubi.demo.seed", "false", "spring.main.banner-mode", "off", "musubi.ingest.watch", "false",
                "musubi.database.migrate-to", migrateTo));
        return app;
    }

    /** A command that could not start: the innermost cause is what a person can act on. */
    private static int failed(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        System.err.println("musubi: " + cause.getMessage());
        return 1;
    }

    /** Commands print their own results: only warnings from the libraries, as plain text. */
    private static String[] quiet(String[] args) {
        String[] quiet = {"--logging.level.root=WARN", "--logging.level.org.musubi=WARN",
                "--logging.structured.format.console="};
        String[] all = Arrays.copyOf(quiet, quiet.length + args.length);
        System.arraycopy(args, 0, all, quiet.length, args.length);
        return all;
    }

    /** Demo mode defaults to on with the embedded database only. */
    private static boolean externalDatabase(String[] args) {
        return set(System.getenv("MUSUBI_DB_URL")) || set(System.getenv("MUSUBI_DATABASE_URL"))
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--musubi.database.url=") && a.length() > 22);
    }

    private static int importFiles(String[] args, PrintStream out) {
        java.util.List<String> positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (Arrays.asList(args).contains("--help") || positional.size() != 2) {
            out.print(org.musubi.ingest.cli.ImportCommand.HELP);
            return Arrays.asList(args).contains("--help") ? 0 : 2;
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        String[] settings = Arrays.stream(args).filter(a -> a.startsWith("--") && !a.startsWith("--facility=")
                && !a.startsWith("--source=")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = commandContext(settings).run(quiet(settings))) {
            return context.getBean(org.musubi.ingest.cli.ImportCommand.class).run(positional.get(0),
                    java.nio.file.Path.of(positional.get(1)), options, out, System.err);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private static int drugs(String[] args, PrintStream out) {
        java.util.List<String> positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (positional.size() != 2 || !positional.get(0).equals("load") || Arrays.asList(args).contains("--help")) {
            out.print(org.musubi.medication.cli.DrugsCommand.HELP);
            return Arrays.asList(args).contains("--help") ? 0 : 2;
        }
        String[] settings = Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = commandContext(settings).run(quiet(settings))) {
            return context.getBean(org.musubi.medication.cli.DrugsCommand.class).load(
                    java.nio.file.Path.of(positional.get(1)), out, System.err);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private static int audit(String[] args, PrintStream out) {
        if (args.length == 0 || !args[0].equals("verify") || Arrays.asList(args).contains("--help")) {
            out.print("""
                    Usage: musubi audit verify

                    Reads the whole audit trail in sequence order and checks every row's hash and link, that no
                    sequence number is missing, and that the last row matches the recorded chain head.
                    Uses the same database settings as 'serve'. With the embedded database, stop the server first
                    (or use 'Verify' on the audit screen of the running server).
                    Exit code: 0 intact, 1 faults found, 2 usage error.
                    """);
            return args.length > 0 && args[0].equals("verify") ? 0 : 2;
        }
        try (ConfigurableApplicationContext context = commandContext(args)
                .run(quiet(Arrays.copyOfRange(args, 1, args.length)))) {
            return context.getBean(org.musubi.audit.cli.AuditVerifyCommand.class).run(out);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** {@code backup --to=...} as it is (the schema left as found), or {@code backup verify --from=...} without a database. */
    private static int backup(String[] args, PrintStream out) {
        boolean verify = args.length > 0 && args[0].equals("verify");
        Map<String, String> options = BackupCommandLine.options(args);
        String file = options.get(verify ? "from" : "to");
        if (Arrays.asList(args).contains("--help") || file == null || file.isBlank()) {
            out.print(BackupCommandLine.BACKUP_HELP);
            return Arrays.asList(args).contains("--help") ? 0 : 2;
        }
        BackupKey key = backupKey(options);
        if (key == null) {
            return 2;
        }
        if (verify) {
            return BackupCommandLine.verify(Path.of(file), key, out, System.err);
        }
        String[] settings = BackupCommandLine.settings(args);
        try (ConfigurableApplicationContext context = commandContext(settings, "current").run(quiet(settings))) {
            return context.getBean(org.musubi.backup.cli.BackupCommand.class).run(Path.of(file), key, out, System.err);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** {@code restore --from=...}: the archive checked first, then the database created at the backup's schema version. */
    private static int restore(String[] args, PrintStream out) {
        Map<String, String> options = BackupCommandLine.options(args);
        String file = options.get("from");
        if (Arrays.asList(args).contains("--help") || file == null || file.isBlank()) {
            out.print(BackupCommandLine.RESTORE_HELP);
            return Arrays.asList(args).contains("--help") ? 0 : 2;
        }
        BackupKey key = backupKey(options);
        if (key == null) {
            return 2;
        }
        BackupContents contents;
        try {
            contents = BackupCommandLine.preflight(Path.of(file), key, out);
        } catch (java.io.IOException e) {
            return BackupCommandLine.failed(e, System.err);
        }
        String[] settings = BackupCommandLine.settings(args);
        try (ConfigurableApplicationContext context = commandContext(settings, contents.preamble().schemaVersion())
                .run(quiet(settings))) {
            return context.getBean(org.musubi.backup.cli.RestoreCommand.class).run(Path.of(file), key, out, System.err);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** The backup key from {@code --key-file} or {@code MUSUBI_BACKUP_KEY}; null, having said why, when there is none. */
    private static BackupKey backupKey(Map<String, String> options) {
        try {
            return BackupCommandLine.key(options, System::getenv);
        } catch (BackupRefused e) {
            System.err.println("musubi: " + e.bilingual());
            return null;
        }
    }
}
