package org.musubi.disaster;

import java.util.List;

/**
 * Switching on was asked for municipalities no address the network holds lies in (a typing error, or a place none of
 * its persons and facilities is in): the operator is warned and asked again before disaster mode is switched on.
 */
public final class UnknownMunicipalities extends InvalidSwitch {

    public static final String KEY = "disaster.area.unknown";
    private final transient List<Municipality> unknown;

    public UnknownMunicipalities(List<Municipality> unknown) {
        super(KEY);
        this.unknown = List.copyOf(unknown);
    }

    public List<Municipality> unknown() {
        return unknown;
    }
}
