package org.musubi.disaster;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Where disaster mode is on: the whole network, or the listed municipalities. */
public record DisasterArea(boolean networkWide, List<Municipality> municipalities) {

    public DisasterArea {
        municipalities = networkWide ? List.of() : List.copyOf(municipalities);
        if (!networkWide && municipalities.isEmpty()) {
            throw new IllegalArgumentException("an area is the whole network or at least one municipality");
        }
    }

    public static DisasterArea wholeNetwork() {
        return new DisasterArea(true, List.of());
    }

    public static DisasterArea of(List<Municipality> municipalities) {
        return new DisasterArea(false, municipalities);
    }

    /** Whether one of these addresses lies in the area (any address, when network-wide). */
    public boolean covers(Collection<String> addresses) {
        return networkWide || addresses.stream().anyMatch(a -> municipalities.stream().anyMatch(m -> m.covers(a)));
    }

    /** 広島県呉市、広島県江田島市 (empty when network-wide: the page says so in its own words). */
    public String label() {
        return municipalities.stream().map(Municipality::label).collect(Collectors.joining("、"));
    }
}
