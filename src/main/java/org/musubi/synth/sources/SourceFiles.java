package org.musubi.synth.sources;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.musubi.identity.Person;
import org.musubi.synth.FacilityRegistrations;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.SyntheticNetworkGenerator;
import org.musubi.synth.sources.sites.Sites;

/**
 * Writes the source files of a synthetic network as its facilities' systems would:
 * <ul>
 * <li>{@code <out>/<institution code>/ssmix2/<PID[0:3]>/<PID[3:6]>/<PID>/<care date or ->/<data type>/<file>}
 *     for every hospital and clinic: SS-MIX2 standardized storage, one HL7 v2.5 message a file
 *     (ADT-00, ADT-12, ADT-22, ADT-52, PPR-01, OMP-01, OMP-02, OML-11), ISO-2022-JP, CR segment ends;</li>
 * <li>{@code <out>/<institution code>/jahis/<patient ID>.txt} for every pharmacy: JAHIS
 *     e-medication-notebook files of what it dispensed, Shift_JIS (some UTF-8), CRLF.</li>
 * </ul>
 * Each person attends one to three hospitals or clinics and up to two pharmacies, has a different
 * patient ID at each and is registered with the usual variations of their demographics. Persons
 * are written one at a time, in parallel; nothing about other persons is held. The same network
 * and options always give byte-identical trees. I/O failures surface as {@link UncheckedIOException}.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    /** Source files for the persons of {@code network}. */
    public static SourceSummary write(SyntheticNetwork network, Path out, SourceOptions options) {
        List<Person> persons = network.persons();
        return write(network, persons.size(), index -> persons.get((int) index), out, options, done -> { });
    }

    /**
     * Source files for {@code persons} persons made one at a time from {@code options.seed()}, for sizes
     * too large to hold: they are the persons of {@code SyntheticNetworkGenerator.persons(seed, persons,
     * prefecture)}, so with the network's seed the files equal those of {@link #write(SyntheticNetwork, Path,
     * SourceOptions)} for the same network with those persons. {@code progress} hears the number of
     * persons done after each person, from any thread.
     */
    public static SourceSummary write(SyntheticNetwork network, long persons, Path out, SourceOptions options,
                                      LongConsumer progress) {
        LongFunction<Person> person = new SyntheticNetworkGenerator().personAt(options.seed(), Sites.prefecture(network));
        return write(network, persons, person, out, options, progress);
    }

    private static SourceSummary write(SyntheticNetwork network, long count, LongFunction<Person> persons, Path out,
                                       SourceOptions options, LongConsumer progress) {
        FileCounts counts = new FileCounts();
        FacilityRegistrations registrations = new FacilityRegistrations(options.seed(), Sites.prefecture(network));
        SourceRun run = new SourceRun(options, Sites.of(network, options.seed(), count), registrations, out, counts);
        PersonSources writer = new PersonSources(run);
        AtomicLong done = new AtomicLong();
        LongStream.range(0, count).parallel().forEach(index -> {
            writer.write(index, persons.apply(index));
            progress.accept(done.incrementAndGet());
        });
        return counts.summary(count);
    }
}
