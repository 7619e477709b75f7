package org.musubi.worklist;

import java.time.Instant;
import java.util.List;
import org.musubi.record.Reader;

/**
 * A part of Musubi that gives users work: what of it waits for {@code reader} now (lines with a count of 0 are left
 * out by the home page). Implemented as a Spring bean; {@link Worklist} finds every one.
 */
public interface WaitingWork {

    List<Waiting> waitingFor(Reader reader, Instant now);
}
