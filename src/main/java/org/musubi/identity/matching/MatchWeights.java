package org.musubi.identity.matching;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.musubi.identity.matching.compare.Agreement;
import org.musubi.identity.matching.compare.MatchField;
import org.musubi.identity.matching.normalize.KanaNormalizer;

/**
 * The m/u table of Fellegi–Sunter scoring, replaceable so that it can be tuned or estimated (EM)
 * later. Per field it lists the agreement levels with their probabilities; the weight of a level
 * is log2(m/u), the weight of {@link Agreement#DISAGREE} is log2((1 − Σm)/(1 − Σu)) over the
 * field's agreement levels (for a yes/no field exactly log2((1 − m)/(1 − u))), and
 * {@link Agreement#MISSING}, a field absent from the table or a level absent from a field weigh 0.
 *
 * <p>Optionally, surname frequencies (share of the population per normalised kana surname) replace
 * the default u of an exact family-name agreement: agreeing on サトウ says less than on a rare
 * name. Frequencies below 1/100 000 are raised to it, so that one rare name cannot decide a match.
 */
final class MatchWeights {

    static final double RAREST_SURNAME = 1e-5;

    private final Map<MatchField, Map<Agreement, Probabilities>> table;
    private final Map<MatchField, double[]> weights = new EnumMap<>(MatchField.class);
    private final Map<String, Double> surnameFrequencies;

    public MatchWeights(Map<MatchField, Map<Agreement, Probabilities>> table) {
        this(table, Map.of());
    }

    /** A table with surname frequencies keyed by kana (normalised here with {@link KanaNormalizer}). */
    public MatchWeights(Map<MatchField, Map<Agreement, Probabilities>> table, Map<String, Double> surnameFrequencies) {
        Map<MatchField, Map<Agreement, Probabilities>> copy = new EnumMap<>(MatchField.class);
        table.forEach((field, levels) -> {
            copy.put(field, Map.copyOf(new EnumMap<>(levels)));
            weights.put(field, weights(field, levels));
        });
        this.table = Map.copyOf(copy);
        Map<String, Double> frequencies = new HashMap<>();
        surnameFrequencies.forEach((kana, share) -> frequencies.put(KanaNormalizer.normalize(kana), share));
        this.surnameFrequencies = Map.copyOf(frequencies);
    }

    /** The documented defaults, see {@link DefaultWeights}. */
    public static MatchWeights defaults() {
        return new MatchWeights(DefaultWeights.TABLE);
    }

    public MatchWeights withSurnameFrequencies(Map<String, Double> frequencies) {
        return new MatchWeights(table, frequencies);
    }

    public Map<MatchField, Map<Agreement, Probabilities>> table() {
        return table;
    }

    /** The weight in bits of a field agreeing at a level. */
    public double weight(MatchField field, Agreement level) {
        double[] levels = weights.get(field);
        return levels == null ? 0 : levels[level.ordinal()];
    }

    /** As {@link #weight}, with the frequency of this (normalised kana) surname when one is known. */
    double familyNameWeight(Agreement level, String normalizedKana) {
        Double share = level == Agreement.EXACT ? surnameFrequencies.get(normalizedKana) : null;
        Probabilities exact = table.getOrDefault(MatchField.FAMILY_NAME, Map.of()).get(Agreement.EXACT);
        if (share == null || exact == null) {
            return weight(MatchField.FAMILY_NAME, level);
        }
        return Probabilities.log2(exact.m() / Math.min(Math.max(share, RAREST_SURNAME), exact.m()));
    }

    private static double[] weights(MatchField field, Map<Agreement, Probabilities> levels) {
        if (levels.containsKey(Agreement.DISAGREE) || levels.containsKey(Agreement.MISSING)) {
            throw new IllegalArgumentException(field + ": DISAGREE and MISSING are derived, not listed");
        }
        double[] weights = new double[Agreement.values().length];
        double m = 0;
        double u = 0;
        for (Map.Entry<Agreement, Probabilities> level : levels.entrySet()) {
            weights[level.getKey().ordinal()] = level.getValue().weight();
            m += level.getValue().m();
            u += level.getValue().u();
        }
        if (m >= 1 || u >= 1) {
            throw new IllegalArgumentException(field + ": the agreement levels' m and u must each sum to less than 1");
        }
        weights[Agreement.DISAGREE.ordinal()] = Probabilities.log2((1 - m) / (1 - u));
        return weights;
    }
}
