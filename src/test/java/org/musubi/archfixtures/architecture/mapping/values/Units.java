package org.musubi.archfixtures.architecture.mapping.values;

import org.musubi.archfixtures.architecture.mapping.lab.LabUnits;

/** A shared value that borrows the lab results' table. */
public final class Units {

    private Units() {
    }

    public static String of(String code) {
        return LabUnits.TABLE.getOrDefault(code, code);
    }
}
