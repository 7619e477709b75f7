package org.musubi.imaging.index;

import java.util.function.Supplier;

/**
 * Runs the indexer's work as its own user acting for the sending facility, so that the audit rows of what it writes
 * name that user and facility (the security context of a background thread; {@code internal.IndexerContext}).
 */
public interface ActingIndexer {

    <T> T actFor(long userId, long facilityId, Supplier<T> work);
}
