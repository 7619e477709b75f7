package org.musubi.commandline;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.UnmatchedArgsBinding;

/**
 * The application settings given to a command that starts Musubi's context ({@code @Mixin Settings settings;}):
 * every {@code --name=value} whose name has a dot ({@code --musubi.database.url=...}, {@code --server.port=...}),
 * as in {@code docs/configuration.md}. Anything else the command does not know is a usage error naming it.
 */
@Command
public final class Settings {

    private List<String> unmatched = List.of();
    private CommandSpec command;

    /** Takes what {@code command} does not know (picocli reads {@code @Unmatched} of commands only, not of mixins). */
    void bindTo(CommandSpec command) {
        this.command = command;
        command.addUnmatchedArgsBinding(UnmatchedArgsBinding.forStringArrayConsumer(new ISetter() {
            @Override
            public <T> T set(T value) {
                unmatched = value == null ? List.of() : List.of((String[]) value);
                return null;
            }
        }));
    }

    /** The settings, each {@code --name=value}; a usage error for an unknown option or a stray argument. */
    public String[] values() {
        for (String arg : unmatched) {
            if (!isSetting(arg)) {
                throw new ParameterException(command.commandLine(), unknown(arg));
            }
        }
        return unmatched.toArray(String[]::new);
    }

    /** {@code --name value} of a setting as {@code --name=value}: a setting always has a value; the rest as given. */
    static String[] joined(String[] args) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (dotted(arg) && !arg.contains("=") && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                joined.add(arg + "=" + args[++i]);
            } else {
                joined.add(arg);
            }
        }
        return joined.toArray(String[]::new);
    }

    private static boolean isSetting(String arg) {
        return dotted(arg) && arg.indexOf('=') > 2;
    }

    private static boolean dotted(String arg) {
        int end = arg.indexOf('=') < 0 ? arg.length() : arg.indexOf('=');
        return arg.startsWith("--") && arg.substring(2, end).contains(".");
    }

    private String unknown(String arg) {
        if (dotted(arg)) {
            return UsageErrors.text("cli.setting.noValue", arg);
        }
        if (!arg.startsWith("-")) {
            return UsageErrors.text("cli.unexpected", arg);
        }
        List<String> names = command.options().stream().map(OptionSpec::longestName).toList();
        return UsageErrors.text("cli.unknownOption", arg, String.join(", ", names));
    }
}
