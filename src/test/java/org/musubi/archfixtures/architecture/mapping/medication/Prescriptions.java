package org.musubi.archfixtures.architecture.mapping.medication;

import org.musubi.archfixtures.architecture.mapping.values.Units;

/** Maps a prescription, with a value helper that leans on the lab results. */
public final class Prescriptions {

    public String unit(String code) {
        return Units.of(code);
    }
}
