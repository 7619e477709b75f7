package org.musubi.commandline;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for a command ({@code @Mixin HelpOption help;}): prints its {@link UsageText}, exit code 0. */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "このヘルプを表示 / show this help")
    boolean help;
}
