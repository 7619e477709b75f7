package org.musubi.backup.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code backup [verify]} and {@code restore} ({@code @Mixin BackupArguments arguments;}). */
public final class BackupArguments {

    @Option(names = "--to", paramLabel = "<file>")
    String to;
    @Option(names = "--from", paramLabel = "<file>")
    String from;
    @Option(names = "--key-file", paramLabel = "<file>")
    String keyFile;
    @Parameters(arity = "0..1", paramLabel = "verify")
    String verb;

    /** {@code backup verify}: check an archive. */
    public boolean verify() {
        return "verify".equals(verb);
    }

    /** The archive to write ({@code to}) or read ({@code from}), by option name; {@code key-file} when given. */
    public Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        put(options, "to", to);
        put(options, "from", from);
        put(options, "key-file", keyFile);
        return options;
    }

    private static void put(Map<String, String> options, String name, String value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
