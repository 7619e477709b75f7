package org.musubi.phr.checkups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One checkup in the resident's record: a checkup centre's report, or a paper result the resident (or their proxy)
 * entered in the notebook ({@code own}).
 *
 * @param id       the DiagnosticReport's id
 * @param date     the day of the checkup
 * @param place    the centre (its name as the report or the registry has it) or, for a paper result, the place typed
 * @param own      entered in the notebook from a paper result (本人入力), not sent by a centre
 * @param photo    whether a photo of the paper result is kept with it
 * @param values   its results, in the report's order
 */
public record Checkup(String id, LocalDate date, String place, boolean own, boolean photo, List<CheckupValue> values) {

    public Checkup {
        values = List.copyOf(values);
    }

    /** The results by group, in the groups' order (empty groups left out). */
    public Map<CheckupGroup, List<CheckupValue>> groups() {
        Map<CheckupGroup, List<CheckupValue>> groups = new EnumMap<>(CheckupGroup.class);
        values.forEach(v -> groups.computeIfAbsent(v.group(), g -> new ArrayList<>()).add(v));
        return groups;
    }
}
