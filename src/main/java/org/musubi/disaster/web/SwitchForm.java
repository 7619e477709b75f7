package org.musubi.disaster.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.disaster.DisasterArea;
import org.musubi.disaster.InvalidSwitch;
import org.musubi.disaster.Municipality;
import org.musubi.registry.places.Prefectures;

/**
 * The operator's form to switch disaster mode on: the whole network, or municipalities — one per line (or separated by
 * 、 or commas), each in the chosen prefecture unless the line names its own (広島県呉市) —, the note, and the planned
 * end as the operator's local date and time (optional).
 */
record SwitchForm(boolean networkWide, Integer prefecture, String municipalities, String note, String plannedEnd) {

    static final String NO_MUNICIPALITY = "disaster.area.required";
    static final String BAD_PREFECTURE = "disaster.area.prefecture";
    static final String BAD_END = "disaster.plannedEnd.invalid";

    static SwitchForm empty() {
        return new SwitchForm(false, 34, "", "", null);
    }

    DisasterArea area() {
        if (networkWide) {
            return DisasterArea.wholeNetwork();
        }
        List<Municipality> listed = new ArrayList<>();
        for (String line : (municipalities == null ? "" : municipalities).split("[\\r\\n、,，]+")) {
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            Optional<Integer> named = Prefectures.startOf(name);
            int in = named.orElse(prefecture == null ? 0 : prefecture);
            if (in < 1 || in > 47) {
                throw new InvalidSwitch(BAD_PREFECTURE);
            }
            String rest = named.isPresent() ? name.substring(Prefectures.name(in).length()).strip() : name;
            if (rest.isEmpty() || rest.length() > 100) {
                throw new InvalidSwitch(NO_MUNICIPALITY);
            }
            listed.add(new Municipality(in, rest));
        }
        if (listed.isEmpty()) {
            throw new InvalidSwitch(NO_MUNICIPALITY);
        }
        return DisasterArea.of(listed.stream().distinct().toList());
    }

    /** The planned end as written (a {@code datetime-local} value), or null for none. */
    LocalDateTime plannedEndLocal() {
        if (plannedEnd == null || plannedEnd.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(plannedEnd.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSwitch(BAD_END);
        }
    }

    Instant plannedEndIn(ZoneId zone) {
        LocalDateTime local = plannedEndLocal();
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
