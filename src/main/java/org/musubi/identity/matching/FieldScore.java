package org.musubi.identity.matching;

/** One line of a score's explanation: a {@link MatchField}, the {@link Agreement} level found, its weight in bits. */
public record FieldScore(String field, String level, double weight) {
}
