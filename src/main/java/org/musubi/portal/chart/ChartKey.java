package org.musubi.portal.chart;

import org.musubi.record.PatientRef;

/**
 * The patient a viewer page's address names ({@code /portal/patients/<key>/…}): a regional person's id (digits), or
 * {@code own-<n>}, a patient of the user's own facility, which is how the facility's own-records pages (非常時バックアップ)
 * open its patient without ever putting the person's id in an address it was not told. Anything else names nobody
 * (the viewer's one 404, audited like an unknown person).
 */
public final class ChartKey {

    private static final String OWN = "own-";

    private ChartKey() {
    }

    /** The patient {@code key} names. */
    public static PatientRef of(String key) {
        if (key != null && key.matches("\\d{1,18}")) {
            return PatientRef.person(Long.parseLong(key));
        }
        if (key != null && key.startsWith(OWN) && key.substring(OWN.length()).matches("\\d{1,18}")) {
            return PatientRef.ownPatient(Long.parseLong(key.substring(OWN.length())));
        }
        return PatientRef.person(0);
    }

    /** The key of a patient of the user's own facility (its source patient id). */
    public static String own(long sourcePatientId) {
        return OWN + sourcePatientId;
    }
}
