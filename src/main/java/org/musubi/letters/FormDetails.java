package org.musubi.letters;

import java.time.LocalDate;

/**
 * What a form asks for beyond the sections every letter shares ({@link Content}): the patient's occupation on a
 * 診療情報提供書 (様式11), the pharmacy report's dates and the patient's consent (服薬情報提供書, トレーシングレポート),
 * and the order of a 訪問看護指示書. Every part may be {@code null} (not written).
 *
 * @param occupation the patient's occupation (職業), or {@code null}
 * @param pharmacy   the pharmacy report's particulars, or {@code null}
 * @param nursing    the home-visit nursing order's particulars, or {@code null}
 */
public record FormDetails(String occupation, Pharmacy pharmacy, Nursing nursing) {

    /** Nothing beyond the sections. */
    public static final FormDetails NONE = new FormDetails(null, null, null);

    /**
     * A pharmacy's report to the prescriber.
     *
     * @param prescribed the day the prescription was issued (処方日), or {@code null}
     * @param dispensed  the day it was dispensed (調剤日), or {@code null}
     * @param proposal   薬剤師の所見・提案, or {@code null}
     * @param consent    whether the patient agreed to the report (患者の同意の有無), or {@code null}
     */
    public record Pharmacy(LocalDate prescribed, LocalDate dispensed, String proposal, Consent consent) {
    }

    /** The patient's consent to a pharmacy's report, as the paper forms' check boxes say it. */
    public enum Consent {
        /** 患者は医師への報告に同意している. */
        AGREED,
        /** 患者は同意していないが、治療上重要と考えられるため報告する. */
        NOT_AGREED_BUT_NEEDED
    }

    /**
     * A doctor's order to a home-nursing station (訪問看護指示書).
     *
     * @param from             first day of the order (指示期間), required
     * @param to               last day of the order (at most 6 months after {@code from}), required
     * @param condition        病状・治療状態, or {@code null}
     * @param bedridden        障害高齢者の日常生活自立度 (寝たきり度), or {@code null}
     * @param dementia         認知症高齢者の日常生活自立度, or {@code null}
     * @param instructions     留意事項及び指示事項, or {@code null}
     * @param emergencyContact 緊急時の連絡先, or {@code null}
     */
    public record Nursing(LocalDate from, LocalDate to, String condition, Bedridden bedridden, Dementia dementia,
                          String instructions, String emergencyContact) {
        public Nursing {
            if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusMonths(6))) {
                throw new IllegalArgumentException("nursing order: from and to required, to not before from and at most "
                        + "6 months after it");
            }
        }
    }

    /** 障害高齢者の日常生活自立度 (寝たきり度), the ranks of the national scale. */
    public enum Bedridden { INDEPENDENT, J1, J2, A1, A2, B1, B2, C1, C2 }

    /** 認知症高齢者の日常生活自立度, the ranks of the national scale. */
    public enum Dementia { INDEPENDENT, I, IIA, IIB, IIIA, IIIB, IV, M }
}
