package org.musubi.synth.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.musubi.commandline.HelpOption;
import org.musubi.commandline.MusubiCommandLine;
import org.musubi.commandline.UsageText;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.files.SynthFiles;
import org.musubi.synth.sources.SourceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code musubi synth}: writes a synthetic network as CSV files, and its facilities' source files; needs no database. */
@Command(name = "synth")
public final class SynthCommand implements Callable<Integer>, UsageText {

    static final String HELP = """
            Usage: musubi synth [--seed=N] [--facilities=N] [--users=N] [--persons=N] [--prefecture=NN] [--out=DIR]
                                [--sources] [--sources-out=DIR] [--messages-per-patient=N] [--update-percent=P]
                                [--delete-percent=P] [--jahis-utf8-percent=P]

            Writes a deterministic synthetic network (invented facilities, users and persons; never real
            patients) as UTF-8 CSV files: facilities.csv, users.csv, persons.csv.
            The same seed and sizes always give byte-identical files.

              --seed=N          generator seed (default 20260401)
              --facilities=N    number of facilities (default 12)
              --users=N         number of users (default 40)
              --persons=N       number of persons (default 200)
              --prefecture=NN   prefecture number 01-47 (default 34, Hiroshima)
              --out=DIR         output directory (default ./synth)

            """ + SourceFileOptions.HELP;

    @Mixin
    HelpOption help;
    @Option(names = "--seed", paramLabel = "N")
    long seed = 20260401;
    @Option(names = "--facilities", paramLabel = "N")
    int facilities = 12;
    @Option(names = "--users", paramLabel = "N")
    int users = 40;
    @Option(names = "--persons", paramLabel = "N")
    int persons = 200;
    @Option(names = "--prefecture", paramLabel = "NN")
    int prefecture = SyntheticNetworkGenerator.DEFAULT_PREFECTURE;
    @Option(names = "--out", paramLabel = "DIR")
    Path dir = Path.of("synth");
    @Mixin
    SourceArguments sources;

    private final PrintStream out;
    private final PrintStream err;

    public SynthCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return MusubiCommandLine.execute(new SynthCommand(out, err), args, out, err);
    }

    @Override
    public String usage() {
        return HELP;
    }

    @Override
    public Integer call() {
        try {
            return generate(new SynthSize(facilities, users, persons), SourceFileOptions.of(sources, seed, dir));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("Could not write: " + e.getMessage());
            return 1;
        }
    }

    private int generate(SynthSize size, SourceFileOptions sourceFiles) {
        err.printf("Generating %d facilities, %d users, %d persons (seed %d) ...%n",
                size.facilities(), size.users(), size.persons(), seed);
        SyntheticNetworkGenerator generator = new SyntheticNetworkGenerator();
        SyntheticNetwork network = generator.generate(seed, new SynthSize(size.facilities(), size.users(), 0),
                prefecture);
        SynthFiles files = new SynthFiles();
        files.write(network, dir);
        long[] written = {0};
        files.writePersons(generator.persons(seed, size.persons(), prefecture).peek(p -> {
            if (++written[0] % 100_000 == 0) {
                err.printf("  ... %,d / %,d persons%n", written[0], size.persons());
            }
        }), dir.resolve("persons.csv"));
        out.println("Wrote " + dir.toAbsolutePath().normalize() + "/{facilities,users,persons}.csv");
        if (sourceFiles != null) {
            long started = System.nanoTime();
            SourceSummary summary = sourceFiles.write(network, size.persons(), err);
            out.printf("Wrote %,d SS-MIX2 messages and %,d JAHIS files of %,d persons into %s in %.1f s%n",
                    summary.ssmix2Messages(), summary.jahisFiles(), summary.persons(),
                    sourceFiles.out().toAbsolutePath().normalize(), (System.nanoTime() - started) / 1e9);
            out.println("  by type: " + summary.byType());
        }
        return 0;
    }
}
