package org.musubi.identity.matching.compare;

import org.musubi.identity.Sex;

/** Compares administrative sex; {@link Sex#UNKNOWN} counts as missing. */
public final class SexComparator {

    private SexComparator() {
    }

    public static Agreement compare(Sex a, Sex b) {
        if (a == null || b == null || a == Sex.UNKNOWN || b == Sex.UNKNOWN) {
            return Agreement.MISSING;
        }
        return a == b ? Agreement.EXACT : Agreement.DISAGREE;
    }
}
