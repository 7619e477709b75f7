package org.musubi.imaging.reading;

/**
 * A screening reading's category, kept as a coded value with a label ({@code screeningCategory.CODE} in the bundles).
 * Gastric endoscopy screening (胃内視鏡検診) reads 精検不要 / 要精検 / 判定不能; the comparison step's final reading uses
 * the same codes.
 */
public enum ScreeningCategory {
    /** 精検不要: no further examination. */
    NO_FURTHER_EXAM,
    /** 要精検: further examination needed. */
    FURTHER_EXAM,
    /** 判定不能: the images do not allow a reading (re-examination). */
    UNREADABLE;

    /** Counted as 要精検 in the programme's statistics. */
    public boolean needsFurtherExam() {
        return this == FURTHER_EXAM;
    }
}
