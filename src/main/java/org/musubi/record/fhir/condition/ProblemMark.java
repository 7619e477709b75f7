package org.musubi.record.fhir.condition;

/**
 * What a clinician must see beside a diagnosis, shown by its label ({@link #key()}) on every screen, letter and
 * document that lists it.
 */
public enum ProblemMark {
    /** 主病名: a sender marked it the main diagnosis. */
    MAIN,
    /** 疑い: every sender says it is suspected, none that it is confirmed. */
    SUSPECTED,
    /** 既往歴（申告）: written down by the patient or a pharmacist (a medication notebook's 既往歴), diagnosed by no sender. */
    REPORTED_HISTORY,
    /** 未告知: a sender flagged it not told to the patient (JP-CLINS). */
    UNINFORMED,
    /** 未提供: a sender flagged it not to be shared beyond itself (JP-CLINS). */
    UNDELIVERED;

    /**
     * The message key of its label: {@code problem.mark.*}; the JP-CLINS flags keep the one label every record of the
     * chart shows them with ({@code chart.mark.UNINFORMED}, {@code chart.mark.UNDELIVERED}).
     */
    public String key() {
        return this == UNINFORMED || this == UNDELIVERED ? "chart.mark." + name() : "problem.mark." + name();
    }
}
