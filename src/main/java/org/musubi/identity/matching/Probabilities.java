package org.musubi.identity.matching;

/**
 * The Fellegi–Sunter probabilities of one agreement level of one field: {@code m}, that a true
 * match shows it; {@code u}, that two different persons show it by chance.
 */
record Probabilities(double m, double u) {

    public Probabilities {
        if (!(m > 0 && m < 1 && u > 0 && u < 1)) {
            throw new IllegalArgumentException("m and u must lie strictly between 0 and 1: m=" + m + ", u=" + u);
        }
    }

    /** The agreement weight in bits, log2(m/u). */
    public double weight() {
        return log2(m / u);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
