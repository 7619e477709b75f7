package org.musubi.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A user as submitted, before it is checked and stored. */
public record UserDraft(
        String loginId,
        String nameKanji,
        String nameKana,
        Profession profession,
        List<User.Membership> memberships,
        boolean networkAdmin,
        UserStatus status) {

    private static final Pattern LOGIN_ID = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private static final Pattern KATAKANA = Pattern.compile("[\\p{InKatakana}\\u30FC\\u3000 ・]+");

    public UserDraft {
        loginId = loginId == null ? null : loginId.strip().toLowerCase(Locale.ROOT);
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
        status = status == null ? UserStatus.ACTIVE : status;
    }

    public List<FieldFault> check() {
        List<FieldFault> faults = new ArrayList<>();
        if (loginId == null || !LOGIN_ID.matcher(loginId).matches()) {
            faults.add(FieldFault.of("loginId", "user.loginId.format"));
        }
        if (FacilityDraft.blank(nameKanji)) {
            faults.add(FieldFault.of("nameKanji", "user.nameKanji.required"));
        }
        if (FacilityDraft.blank(nameKana) || !KATAKANA.matcher(nameKana.strip()).matches()) {
            faults.add(FieldFault.of("nameKana", "user.nameKana.katakana"));
        }
        if (profession == null) {
            faults.add(FieldFault.of("profession", "user.profession.required"));
        }
        if (memberships.isEmpty() && !networkAdmin) {
            faults.add(FieldFault.of("memberships", "user.memberships.required"));
        }
        return faults;
    }
}
