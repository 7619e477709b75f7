package org.musubi.synth.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --sources} options of {@code musubi synth} as given; null where not given (the defaults apply). */
final class SourceArguments {

    @Option(names = "--sources")
    boolean sources;
    @Option(names = "--sources-out", paramLabel = "DIR")
    Path sourcesOut;
    @Option(names = "--messages-per-patient", paramLabel = "N")
    Integer messagesPerPatient;
    @Option(names = "--update-percent", paramLabel = "P")
    Double updatePercent;
    @Option(names = "--delete-percent", paramLabel = "P")
    Double deletePercent;
    @Option(names = "--jahis-utf8-percent", paramLabel = "P")
    Integer jahisUtf8Percent;

    boolean wanted() {
        return sources || sourcesOut != null;
    }
}
