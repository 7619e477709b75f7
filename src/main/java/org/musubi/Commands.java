package org.musubi;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musubi.commandline.HelpOption;
import org.musubi.commandline.MusubiCommandLine;
import org.musubi.commandline.UsageText;
import org.musubi.synth.cli.SynthCommand;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * The command line: picks a subcommand and runs it, returning the process exit code. Options are read alike
 * for every command ({@link MusubiCommandLine}); a new command is a picocli {@code @Command} added to
 * {@link #commands()}.
 */
final class Commands {

    static final String USAGE = """
            Usage: musubi [command] [options]

            Commands:
              serve           start the server (default) on http://localhost:8080
              synth           write a deterministic synthetic network as CSV files
              import          import a facility's SS-MIX2 storage, JAHIS or lab-result files
              audit verify    check the audit trail's hash chain; exit code 1 if anything is wrong
              audit merge-spool  merge a read-only standby's audit spool into the trail (docs/disaster.md)
              admin create    create the first network administrator of a new installation
              drugs load      load the MHLW drug price list (.xlsx or .csv) into the drug master
              receipt-master load  load the receipt masters that name the codes of receipt (UKE) files
              backup          write the database and files to one encrypted archive ('backup verify' checks one)
              restore         restore an archive into an empty database and blob store
              demo reset      make the demo again from nothing, dated to today (demo installations only)

            Run 'musubi <command> --help' for a command's options.
            Options are written --name=value or --name value.
            Configuration: environment variables such as MUSUBI_DB_URL (see docs/configuration.md).
            """;

    /** Returned by {@code serve}: the server keeps running after {@code main} returns. */
    static final int SERVING = -1;

    private Commands() {
    }

    static int run(String[] args) {
        boolean implicitServe = args.length == 0 || (args[0].startsWith("-") && !isHelp(args[0]));
        if (!implicitServe && args[0].equals("help")) {
            System.out.print(USAGE);
            return 0;
        }
        String[] all = implicitServe ? withServe(args) : args;
        return MusubiCommandLine.execute(new Root(), all, System.out, System.err, commands());
    }

    /** Every command under {@code musubi}, each named by its {@code @Command}. */
    private static Object[] commands() {
        PrintStream out = System.out;
        return new Object[] {new Serve(), new SynthCommand(out, System.err), new DatabaseCommands.Import(),
            new DatabaseCommands.AuditVerify(), new DatabaseCommands.AdminCreate(), new DatabaseCommands.DrugsLoad(),
            new DatabaseCommands.ReceiptMasterLoad(),
            new BackupCommands.Backup(), new BackupCommands.Restore(), new DemoCommands()};
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static String[] withServe(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** {@code musubi} itself: only {@code --help}; a command is always named or implied ({@code serve}). */
    @Command(name = "musubi")
    static final class Root implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;

        @Override
        public String usage() {
            return USAGE;
        }

        @Override
        public Integer call() {
            System.err.print(USAGE);
            return 2;
        }
    }

    /** {@code musubi serve}: every argument goes to Spring Boot as it is (settings, {@code --debug} …). */
    @Command(name = "serve")
    static final class Serve implements Callable<Integer>, UsageText {

        @Mixin
        HelpOption help;
        @Unmatched
        List<String> settings = new ArrayList<>();

        @Override
        public String usage() {
            return """
                    Usage: musubi serve [--server.port=8080] [--musubi.demo.enabled=false] ...

                    Starts the server. Without MUSUBI_DB_URL an embedded PostgreSQL keeps its data under ./data;
                    on first start with an empty database a demo network is created and the way to log in is printed.
                    Any setting from docs/configuration.md can be given as --name=value (or --name value).
                    """;
        }

        @Override
        public Integer call() {
            String[] args = settings.toArray(String[]::new);
            SpringApplication app = new SpringApplication(Musubi.class);
            app.setDefaultProperties(Map.of("musubi.demo.enabled", String.valueOf(!CommandContexts.externalDatabase(args))));
            try {
                app.run(args);
            } catch (RuntimeException e) {
                if (StartFailures.explains(e)) {
                    return 1; // a server already runs: said in one line, no stack trace
                }
                throw e;
            }
            return SERVING;
        }
    }
}
