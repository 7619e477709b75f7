package org.musubi.worklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.musubi.record.Reader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Everything that waits for a user, from every {@link WaitingWork} in the application, in their bean order. A part
 * that fails is left out and logged (without any patient data): the home page still shows the rest.
 */
public final class Worklist {

    private static final Logger log = LoggerFactory.getLogger(Worklist.class);
    private final Supplier<Stream<WaitingWork>> parts;

    public Worklist(Supplier<Stream<WaitingWork>> parts) {
        this.parts = parts;
    }

    /** The lines with something waiting (count above 0). */
    public List<Waiting> waitingFor(Reader reader, Instant now) {
        List<Waiting> all = new ArrayList<>();
        parts.get().forEach(part -> {
            try {
                part.waitingFor(reader, now).stream().filter(w -> w.count() > 0).forEach(all::add);
            } catch (RuntimeException e) {
                log.warn("a part of the home page's work list failed: {}", part.getClass().getSimpleName(), e);
            }
        });
        return List.copyOf(all);
    }
}
