package org.musubi.archfixtures.architecture.mapping.lab;

import java.util.Map;

/** The lab results' unit table. */
public final class LabUnits {

    public static final Map<String, String> TABLE = Map.of("mg", "mg");

    private LabUnits() {
    }
}
