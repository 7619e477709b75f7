package org.musubi.synth.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.musubi.synth.SynthFiles;
import org.musubi.synth.SynthSize;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.SourceSummary;

/** {@code musubi synth}: writes a synthetic network as CSV files, and its facilities' source files; needs no database. */
public final class SynthCommand {

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

    private SynthCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(HELP);
                return 0;
            }
            if (arg.equals("--sources")) {
                options.put("sources", "true");
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                err.println("Unexpected argument: " + arg);
                err.print(HELP);
                return 2;
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try {
            return generate(options, out, err);
        } catch (NumberFormatException e) {
            err.println("Not a number: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (java.io.UncheckedIOException e) {
            err.println("Could not write: " + e.getMessage());
            return 1;
        }
    }

    private static int generate(Map<String, String> options, PrintStream out, PrintStream err) {
        long seed = Long.parseLong(options.getOrDefault("seed", "20260401"));
        SynthSize size = new SynthSize(number(options, "facilities", 12), number(options, "users", 40),
                number(options, "persons", 200));
        int prefecture = number(options, "prefecture", SyntheticNetworkGenerator.DEFAULT_PREFECTURE);
        Path dir = Path.of(options.getOrDefault("out", "synth"));
        SourceFileOptions sources = SourceFileOptions.of(options, seed, dir);
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
        if (sources != null) {
            long started = System.nanoTime();
            SourceSummary summary = sources.write(network, size.persons(), err);
            out.printf("Wrote %,d SS-MIX2 messages and %,d JAHIS files of %,d persons into %s in %.1f s%n",
                    summary.ssmix2Messages(), summary.jahisFiles(), summary.persons(),
                    sources.out().toAbsolutePath().normalize(), (System.nanoTime() - started) / 1e9);
            out.println("  by type: " + summary.byType());
        }
        return 0;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }
}
