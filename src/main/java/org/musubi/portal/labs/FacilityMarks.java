package org.musubi.portal.labs;

import java.util.List;
import java.util.Map;

/**
 * The facilities that reported a patient's results, each with a short mark (A, B, … Z, then A2 …)
 * shown beside a value, and a legend naming them; ordered by name so marks are stable.
 */
public record FacilityMarks(List<Mark> marks) {

    public record Mark(long facilityId, String mark, String name) {
    }

    public static FacilityMarks of(Map<Long, String> names) {
        List<Map.Entry<Long, String>> sorted = names.entrySet().stream()
                .sorted(Map.Entry.<Long, String>comparingByValue().thenComparing(Map.Entry.comparingByKey())).toList();
        List<Mark> marks = new java.util.ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            String letter = String.valueOf((char) ('A' + i % 26)) + (i < 26 ? "" : String.valueOf(i / 26 + 1));
            marks.add(new Mark(sorted.get(i).getKey(), letter, sorted.get(i).getValue()));
        }
        return new FacilityMarks(List.copyOf(marks));
    }

    public String mark(long facilityId) {
        return find(facilityId).mark();
    }

    public String name(long facilityId) {
        return find(facilityId).name();
    }

    private Mark find(long facilityId) {
        return marks.stream().filter(m -> m.facilityId() == facilityId).findFirst()
                .orElse(new Mark(facilityId, "?", "#" + facilityId));
    }

}
