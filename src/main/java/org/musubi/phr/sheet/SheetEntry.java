package org.musubi.phr.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who entered a version of the emergency sheet and what it changed.
 *
 * @param by           the resident themself, their proxy (代理人, a family member's account), or a facility's staff on
 *                     their behalf (命の宝箱簡易送信; the resident then confirms or corrects it)
 * @param name         the proxy's or staff member's name as shown to the resident; null for the resident
 * @param profession   the staff member's profession ({@code Profession} name); null otherwise
 * @param facility     the staff member's facility (kanji name); null otherwise
 * @param sections     the sections this version changed ({@link Section} codes)
 * @param confirmation whether this version is the resident confirming a staff member's entry, unchanged
 */
public record SheetEntry(By by, String name, String profession, String facility, List<Section> sections,
                         boolean confirmation) {

    public SheetEntry {
        sections = List.copyOf(sections);
    }

    /** Whether the resident has yet to confirm this version (a staff member's entry). */
    public boolean awaitsConfirmation() {
        return by == By.STAFF;
    }

    public enum By {
        RESIDENT("resident"), PROXY("proxy"), STAFF("staff");

        private final String code;

        By(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static By of(String code) {
            for (By by : values()) {
                if (by.code.equals(code)) {
                    return by;
                }
            }
            return RESIDENT;
        }
    }

    /** The sections of the sheet, in its order; each labelled {@code sheet.section.<code>}. */
    public enum Section {
        CONDITIONS("conditions"), MEDICINES("medicines"), ALLERGIES("allergies"), DOCTOR("doctor"),
        HOSPITAL("hospital"), CONTACTS("contacts"), CARE("care"), BLOOD("blood"), ACP("acp"), PAPER("paper"),
        NOTES("notes"), PHOTOS("photos");

        private final String code;

        Section(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Section> of(String code) {
            for (Section section : values()) {
                if (section.code.equals(code)) {
                    return Optional.of(section);
                }
            }
            return Optional.empty();
        }

        /** The sections in which {@code after} differs from {@code before}. */
        public static List<Section> changed(EmergencySheet before, EmergencySheet after) {
            List<Section> changed = new ArrayList<>();
            add(changed, CONDITIONS, before.conditions(), after.conditions());
            add(changed, MEDICINES, before.medicines(), after.medicines());
            add(changed, ALLERGIES, before.allergies(), after.allergies());
            add(changed, DOCTOR, before.familyDoctor(), after.familyDoctor());
            add(changed, HOSPITAL, before.hospital(), after.hospital());
            add(changed, CONTACTS, before.contacts(), after.contacts());
            add(changed, CARE, before.careLevel(), after.careLevel());
            add(changed, BLOOD, List.of(String.valueOf(before.bloodAbo()), String.valueOf(before.bloodRh())),
                    List.of(String.valueOf(after.bloodAbo()), String.valueOf(after.bloodRh())));
            add(changed, ACP, Arrays.asList(before.acpWish(), before.acpNote(), before.acpConfidant()),
                    Arrays.asList(after.acpWish(), after.acpNote(), after.acpConfidant()));
            add(changed, PAPER, before.paperLocation(), after.paperLocation());
            add(changed, NOTES, before.notes(), after.notes());
            add(changed, PHOTOS, before.photos(), after.photos());
            return changed;
        }

        private static void add(List<Section> changed, Section section, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changed.add(section);
            }
        }
    }
}
