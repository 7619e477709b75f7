package org.musubi.synth.sources.care;

import org.musubi.identity.Sex;

/**
 * Creatinine and eGFR that agree, as a lab reports them: the eGFR follows from the serum creatinine, age and sex by
 * the Japanese Society of Nephrology's equation for adults (eGFR = 194 × Cr^-1.094 × age^-0.287, × 0.739 for
 * women), and a patient's creatinine from the kidney function (an eGFR) they have.
 */
final class Kidneys {

    private static final double FACTOR = 194;
    private static final double CREATININE_EXPONENT = -1.094;
    private static final double AGE_EXPONENT = -0.287;
    private static final double WOMEN = 0.739;

    private Kidneys() {
    }

    static double egfr(double creatinine, int age, Sex sex) {
        return FACTOR * Math.pow(creatinine, CREATININE_EXPONENT) * Math.pow(age, AGE_EXPONENT) * women(sex);
    }

    /** The creatinine of a patient of {@code age} and {@code sex} whose eGFR is {@code egfr}. */
    static double creatinine(double egfr, int age, Sex sex) {
        return Math.pow(egfr / (FACTOR * Math.pow(age, AGE_EXPONENT) * women(sex)), 1 / CREATININE_EXPONENT);
    }

    private static double women(Sex sex) {
        return sex == Sex.FEMALE ? WOMEN : 1;
    }
}
