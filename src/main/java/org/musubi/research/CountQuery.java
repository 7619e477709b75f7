package org.musubi.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One count as the database runs it: the project's approved criteria and the asked ones together (a count never
 * reaches beyond what the committee approved). {@code codeGroups}: each group is "any of these index keys", all
 * groups must hold. Ages are taken on {@code ageDay}; {@code sexes} and {@code municipalities}: each non-empty list
 * holds every condition given (two different ones: nobody).
 */
public record CountQuery(List<List<String>> codeGroups, int ageFrom, int ageTo, LocalDate ageDay, List<String> sexes,
                         List<String> municipalities, LocalDate from, LocalDate to) {

    public CountQuery {
        codeGroups = codeGroups.stream().map(List::copyOf).toList();
        sexes = List.copyOf(sexes);
        municipalities = List.copyOf(municipalities);
    }

    /** The approved criteria and the asked ones, both holding. */
    public static CountQuery of(Criteria approved, Criteria asked, LocalDate today) {
        List<List<String>> groups = new ArrayList<>();
        for (Criteria c : List.of(approved, asked)) {
            if (!c.diagnoses().isEmpty()) {
                groups.add(c.diagnosisKeys());
            }
            if (!c.medications().isEmpty()) {
                groups.add(c.medicationKeys());
            }
        }
        int ageFrom = Math.max(orElse(approved.ageFrom(), 0), orElse(asked.ageFrom(), 0));
        int ageTo = Math.min(orElse(approved.ageTo(), 200), orElse(asked.ageTo(), 200));
        LocalDate ageDay = asked.ageAt() != null || asked.to() != null ? asked.ageDay(today) : approved.ageDay(today);
        List<String> sexes = new ArrayList<>();
        List<String> municipalities = new ArrayList<>();
        for (Criteria c : List.of(approved, asked)) {
            if (c.sex() != null) {
                sexes.add(c.sex());
            }
            if (c.municipality() != null) {
                municipalities.add(c.municipality());
            }
        }
        LocalDate from = later(approved.from(), asked.from());
        LocalDate to = earlier(approved.to(), asked.to());
        return new CountQuery(groups, ageFrom, ageTo, ageDay, sexes, municipalities, from, to);
    }

    private static int orElse(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
