package org.musubi.commandline;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads and runs a command line the same way for every command: {@code --name=value} and {@code --name value},
 * flags without a value, the last of a repeated option, no {@code @file} expansion, an option's missing value
 * never taken from the next option, {@code --help} as the command's {@link UsageText}, usage errors as
 * {@link UsageErrors}. A command is a picocli {@code @Command} that implements {@code Callable<Integer>}; a
 * subcommand is one more object in the list given here.
 */
public final class MusubiCommandLine {

    private static final String USAGE_SECTION = "musubi-usage";

    private MusubiCommandLine() {
    }

    /** Runs {@code command} (with its {@code subcommands}, each named by its {@code @Command}); returns the exit code. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err, Object... subcommands) {
        return of(command, out, err, subcommands).execute(Settings.joined(args));
    }

    /** Reads {@code args} into {@code command}'s options without running it (for tests of a command's options). */
    public static void parse(Object command, String[] args) {
        of(command, System.out, System.err).parseArgs(Settings.joined(args));
    }

    static CommandLine of(Object command, PrintStream out, PrintStream err, Object... subcommands) {
        CommandLine line = new CommandLine(command);
        for (Object subcommand : subcommands) {
            line.addSubcommand(subcommand);
        }
        UsageErrors errors = new UsageErrors(err);
        line.registerConverter(Integer.class, Integer::parseInt).registerConverter(int.class, Integer::parseInt)
                .registerConverter(Long.class, Long::parseLong).registerConverter(long.class, Long::parseLong);
        line.setOut(writer(out)).setErr(writer(err))
                .setExpandAtFiles(false).setOverwrittenOptionsAllowed(true)
                .setUnmatchedOptionsAllowedAsOptionParameters(false)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler((e, failed, parsed) -> {
                    if (e instanceof ParameterException usage) {
                        return errors.handleParseException(usage, new String[0]);
                    }
                    throw e;
                });
        bindSettings(line);
        handWrittenHelp(line);
        return line;
    }

    /** A command's {@link Settings} take the arguments it does not know. */
    private static void bindSettings(CommandLine line) {
        line.getCommandSpec().mixins().values().stream().map(CommandSpec::userObject)
                .filter(Settings.class::isInstance).forEach(settings -> ((Settings) settings).bindTo(line.getCommandSpec()));
        line.getSubcommands().values().forEach(MusubiCommandLine::bindSettings);
    }

    private static void handWrittenHelp(CommandLine line) {
        if (line.getCommand() instanceof UsageText text) {
            line.getHelpSectionMap().put(USAGE_SECTION, help -> text.usage());
            line.setHelpSectionKeys(List.of(USAGE_SECTION));
        }
        line.getSubcommands().values().forEach(MusubiCommandLine::handWrittenHelp);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }
}
