package org.musubi.letters;

import java.time.LocalDate;

/**
 * A diagnosis (傷病名) or complaint as a coded Condition. JP-CLINS carries a diagnosis as a Condition only with a MEDIS
 * 病名管理番号 ({@code http://medis.or.jp/CodeSystem/master-disease-keyNumber}); one without it is written into the
 * section's text only.
 *
 * @param condition  the name and its codes
 * @param onset      the day it began, or {@code null}
 * @param active     still present (clinical status active) or resolved (inactive)
 * @param suspected  疑い病名 (verification status unconfirmed)
 * @param main       the main diagnosis (主病名)
 * @param recordRef  the stored Condition it comes from ({@code Condition/123}), or {@code null} when typed in
 */
public record Diagnosis(Coded condition, LocalDate onset, boolean active, boolean suspected, boolean main,
                        String recordRef) {

    public Diagnosis {
        if (condition == null) {
            throw new IllegalArgumentException("diagnosis.condition is required");
        }
    }
}
