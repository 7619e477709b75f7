package org.musubi.portal.chart;

import org.musubi.audit.Purpose;

/**
 * The purposes the viewer's pages are opened for, as their {@code purpose} parameter names them: treatment (none),
 * {@code EMERGENCY} (break-the-glass) and {@code OWN_RECORDS} (the facility's own records, 非常時バックアップ); every
 * link of a page keeps the purpose it was opened for.
 */
public final class ViewPurpose {

    private ViewPurpose() {
    }

    /** The purpose a page was asked for; treatment for anything else. */
    public static Purpose of(String parameter) {
        if ("EMERGENCY".equals(parameter)) {
            return Purpose.EMERGENCY;
        }
        return "OWN_RECORDS".equals(parameter) ? Purpose.OWN_RECORDS : Purpose.TREATMENT;
    }

    /** The parameter a page's links carry for the purpose; null for treatment. */
    public static String parameter(Purpose purpose) {
        return purpose == Purpose.EMERGENCY || purpose == Purpose.OWN_RECORDS ? purpose.name() : null;
    }

    /** The parameter for what a page was asked for ({@link #of}). */
    public static String parameter(String asked) {
        return parameter(of(asked));
    }
}
