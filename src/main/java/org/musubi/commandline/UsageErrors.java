package org.musubi.commandline;

import java.io.PrintStream;
import java.util.List;
import org.musubi.messages.Texts;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a person sees when a command line cannot be read: the option or argument, what it expects, in Japanese
 * and English, and where the help is; exit code 2. An unknown command also shows the list of commands.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    private final PrintStream err;

    UsageErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        String name = line.getCommandSpec().qualifiedName();
        String unknownCommand = unknownCommand(e);
        if (unknownCommand != null) {
            err.println(text("cli.unknownCommand", unknownCommand));
            line.usage(err);
            return 2;
        }
        err.println(name + ": " + describe(e));
        err.println(text("cli.seeHelp", name + " --help"));
        return 2;
    }

    /** {@code 日本語 / English} of a key of the message bundles. */
    static String text(String key, Object... args) {
        return Texts.japanese(key, args) + " / " + Texts.english(key, args);
    }

    private static String unknownCommand(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !e.getCommandLine().getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            return unmatched.getUnmatched().getFirst();
        }
        return null;
    }

    private static String describe(ParameterException e) {
        if (e instanceof UsageError) {
            return e.getMessage();
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().getFirst() instanceof OptionSpec option) {
            return text("cli.missingValue", option.longestName(), option.paramLabel());
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().getFirst();
            if (!arg.startsWith("-")) {
                return text("cli.unexpected", arg);
            }
            List<String> names = e.getCommandLine().getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
            return text("cli.unknownOption", arg, String.join(", ", names));
        }
        if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null) {
            return text("cli.invalidValue", option.longestName(), e.getValue(), expected(option));
        }
        return text("cli.invalid", e.getMessage());
    }

    private static String expected(ArgSpec spec) {
        Class<?> type = spec.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Texts.japanese("cli.expected.integer") + " / " + Texts.english("cli.expected.integer");
        }
        if (type == double.class || type == Double.class) {
            return Texts.japanese("cli.expected.number") + " / " + Texts.english("cli.expected.number");
        }
        return spec.paramLabel();
    }
}
