package org.musubi.portal.chart;

import org.musubi.record.PatientRef;

/**
 * The patient a viewer page's address names ({@code /portal/patients/<key>/…}): a regional person's id (digits), or
 * {@code own-<n>}, a patient of the user's own facility, which is how the facility's own-records pages (非常時バックアップ)
 * open its patient without ever putting the person's id in an address it was not told. Anything else names nobody
 * (the viewer's one 404, audited like an unknown person).
 */
public final class ChartKey {

    private ChartKey() {
    }

    /** The patient {@code key} names ({@link PatientRef#ofKey}). */
    public static PatientRef of(String key) {
        return PatientRef.ofKey(key);
    }

    /** The key of a patient of the user's own facility (its source patient id). */
    public static String own(long sourcePatientId) {
        return PatientRef.ownKey(sourcePatientId);
    }
}
