package org.musubi.commandline;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A usage error a command finds itself (exit code 2): its text in Japanese, then English, from the message bundles. */
public final class UsageError extends ParameterException {

    public UsageError(CommandSpec command, String key, Object... args) {
        super(command.commandLine(), UsageErrors.text(key, args));
    }
}
