package org.musubi.identity.matching;

/**
 * One line of a score's explanation: a {@link org.musubi.identity.matching.compare.MatchField}, the
 * {@link org.musubi.identity.matching.compare.Agreement} level found, its weight in bits.
 */
public record FieldScore(String field, String level, double weight) {
}
