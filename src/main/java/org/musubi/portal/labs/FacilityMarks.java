package org.musubi.portal.labs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facilities that reported a patient's results, each with a short name shown as a small badge beside a value
 * (結び病院 → 結び; as many leading characters as tell the facilities apart, a legal-form prefix such as 医療法人
 * dropped) and a legend naming them in full; ordered by name so badges are stable. A badge is never a letter that
 * could be read as a flag ({@link Flag#mark()}: H, L, A …).
 */
public record FacilityMarks(List<Mark> marks) {

    private static final List<String> LEGAL_FORMS = List.of("地方独立行政法人", "独立行政法人", "国立大学法人",
            "社会医療法人", "医療法人社団", "医療法人財団", "医療法人", "社会福祉法人", "一般社団法人", "公益社団法人",
            "一般財団法人", "公益財団法人", "株式会社", "有限会社");
    private static final int SHORTEST = 2;

    public record Mark(long facilityId, String mark, String name) {
    }

    public static FacilityMarks of(Map<Long, String> names) {
        List<Map.Entry<Long, String>> sorted = names.entrySet().stream()
                .sorted(Map.Entry.<Long, String>comparingByValue().thenComparing(Map.Entry.comparingByKey())).toList();
        List<String> bases = sorted.stream().map(e -> base(e.getValue())).toList();
        List<Mark> marks = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            String mark = shortName(bases.get(i), bases, taken);
            taken.add(mark);
            marks.add(new Mark(sorted.get(i).getKey(), mark, sorted.get(i).getValue()));
        }
        return new FacilityMarks(List.copyOf(marks));
    }

    private static String base(String name) {
        String text = name == null || name.isBlank() ? "?" : name.strip();
        for (String form : LEGAL_FORMS) {
            if (text.startsWith(form) && text.length() > form.length()) {
                return text.substring(form.length()).strip();
            }
        }
        return text;
    }

    /** The shortest prefix (two characters or more) no other facility's name starts with and no flag reads as. */
    private static String shortName(String base, List<String> all, Set<String> taken) {
        for (int n = Math.min(SHORTEST, base.length()); n <= base.length(); n++) {
            String prefix = base.substring(0, n);
            long sharing = all.stream().filter(other -> other.startsWith(prefix)).count();
            if (sharing == 1 && !taken.contains(prefix) && !readsAsFlag(prefix)) {
                return prefix;
            }
        }
        String whole = base;
        for (int k = 2; taken.contains(whole) || readsAsFlag(whole); k++) {
            whole = base + "（" + k + "）";
        }
        return whole;
    }

    private static boolean readsAsFlag(String text) {
        return Arrays.stream(Flag.values()).anyMatch(f -> f.mark().equalsIgnoreCase(text))
                || text.equalsIgnoreCase("N");
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
