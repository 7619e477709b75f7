package org.musubi.synth.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.sources.SourceFiles;
import org.musubi.synth.sources.SourceOptions;
import org.musubi.synth.sources.SourceSummary;

/**
 * The {@code --sources} part of {@code musubi synth}: whether and where to write the facilities'
 * source files, and how, from the command's options.
 */
record SourceFileOptions(Path out, SourceOptions options) {

    static final String HELP = """
            Source files (--sources): what the facilities' own systems would hold after five years of care
            (to 2026-03-31) of every person, each a patient at one to three hospitals or clinics under its own
            patient ID and with the usual variations of their details:
              OUT/<institution code>/ssmix2/...          SS-MIX2 standardized storage of each hospital and clinic
                                                         (ADT-00/12/22/52, PPR-01, OMP-01/02, OML-11; ISO-2022-JP)
              OUT/<institution code>/jahis/<ID>.txt      JAHIS e-medication notebook of each pharmacy (Shift_JIS)
            Every message is a file of its own, as in a real storage: a million messages (10,000 persons at
            --messages-per-patient=100) take a few minutes and about 10 GB in some 1.4 million directories.

              --sources                 also write source files, into <out>/sources
              --sources-out=DIR         write them into DIR instead (implies --sources)
              --messages-per-patient=N  SS-MIX2 messages per person over all their facilities (default 40)
              --update-percent=P        orders updated later, first version kept as flag 2 (default 2)
              --delete-percent=P        orders deleted later, kept as flag 0 with the cancellation (default 0.5)
              --jahis-utf8-percent=P    JAHIS files written in UTF-8 instead of Shift_JIS (default 10)
            """;

    private static final int PROGRESS_STEPS = 10;

    /** The source-file options, or null when none were asked for. */
    static SourceFileOptions of(SourceArguments given, long seed, Path networkDir) {
        if (!given.wanted()) {
            return null;
        }
        SourceOptions defaults = SourceOptions.defaults(seed);
        SourceOptions sourceOptions = defaults
                .withMessagesPerPatient(or(given.messagesPerPatient, defaults.messagesPerPatient()))
                .withRevisions(or(given.updatePercent, defaults.updatePercent()), or(given.deletePercent, defaults.deletePercent()))
                .withJahisUtf8Percent(or(given.jahisUtf8Percent, defaults.jahisUtf8Percent()));
        return new SourceFileOptions(given.sourcesOut != null ? given.sourcesOut : networkDir.resolve("sources"), sourceOptions);
    }

    /** Writes the files for {@code persons} persons, reporting progress on {@code err}. */
    SourceSummary write(SyntheticNetwork network, long persons, PrintStream err) {
        long step = Math.max(1, persons / PROGRESS_STEPS);
        return SourceFiles.write(network, persons, out, options, done -> {
            if (done % step == 0) {
                err.printf("  ... source files of %,d / %,d persons%n", done, persons);
            }
        });
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
