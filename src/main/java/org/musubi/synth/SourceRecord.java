package org.musubi.synth;

import org.musubi.identity.matching.Demographics;

/**
 * A patient as a facility sends it, with the ground truth: the {@code demographics} are those of
 * the person at {@code personIndex} of {@code persons(seed, …)} with one {@code corruption}.
 * {@code inPopulation} tells whether that person is among the population the records were made
 * for (index below its size) or a patient the network has not seen yet.
 */
public record SourceRecord(long personIndex, boolean inPopulation, Corruption corruption, Demographics demographics) {
}
