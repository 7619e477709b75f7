package org.musubi.secretariat.application;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.FieldFault;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;

/**
 * An application as the applicant wrote it: the facility (checked as the registry checks a facility, {@link
 * FacilityDraft#check()}: kind, names, 医療機関コード with its check digit where the kind needs one, prefecture, phone,
 * roles), its municipality, beds and accepted cards, the contact person, and the users to create.
 */
public record ApplicationDraft(FacilityKind kind, String nameKanji, String nameKana, String code, Integer prefecture,
                               String municipality, String address, String phone, Integer beds, boolean disclosing,
                               boolean viewing, Set<AcceptedCard> acceptedCards, String contactName,
                               String contactPhone, String contactEmail, List<ApplicantUser> users) {

    public static final int MAX_USERS = 50;
    private static final Pattern KATAKANA = Pattern.compile("[\\p{InKatakana}\\u30FC\\u3000 ・]+");
    private static final Pattern PHONE = Pattern.compile("[0-9]{2,5}-?[0-9]{1,4}-?[0-9]{3,4}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ApplicationDraft {
        nameKanji = strip(nameKanji);
        nameKana = strip(nameKana);
        code = strip(code);
        municipality = strip(municipality);
        address = strip(address);
        phone = strip(phone);
        contactName = strip(contactName);
        contactPhone = strip(contactPhone);
        contactEmail = strip(contactEmail);
        acceptedCards = acceptedCards == null || acceptedCards.isEmpty() ? Set.of() : Set.copyOf(acceptedCards);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** Every fault, one per field ({@code users[2].nameKana} for a user's), first the facility's; empty when fine. */
    public List<FieldFault> check() {
        List<FieldFault> faults = new ArrayList<>(facility().check());
        if (address.isEmpty() || address.length() > 400) {
            faults.add(FieldFault.of("address", "application.address.required"));
        }
        if (municipality.isEmpty() || municipality.length() > 100) {
            faults.add(FieldFault.of("municipality", "application.municipality.required"));
        }
        if (phone.isEmpty()) {
            faults.add(FieldFault.of("phone", "application.phone.required"));
        }
        if (nameKanji.length() > 200 || nameKana.length() > 200) {
            faults.add(FieldFault.of("nameKanji", "application.text.tooLong"));
        }
        if (beds != null && (beds < 0 || beds > FacilityProfile.MAX_BEDS)) {
            faults.add(FieldFault.of("beds", "application.beds.range", FacilityProfile.MAX_BEDS));
        } else if (beds == null && kind == FacilityKind.HOSPITAL) {
            faults.add(FieldFault.of("beds", "application.beds.hospital"));
        }
        checkContact(faults);
        checkUsers(faults);
        return faults;
    }

    private void checkContact(List<FieldFault> faults) {
        if (contactName.isEmpty() || contactName.length() > 100) {
            faults.add(FieldFault.of("contactName", "application.contactName.required"));
        }
        if (!PHONE.matcher(contactPhone).matches()) {
            faults.add(FieldFault.of("contactPhone", "application.contactPhone.format"));
        }
        if (!contactEmail.isEmpty() && (contactEmail.length() > 200 || !EMAIL.matcher(contactEmail).matches())) {
            faults.add(FieldFault.of("contactEmail", "application.contactEmail.format"));
        }
    }

    private void checkUsers(List<FieldFault> faults) {
        if (users.isEmpty()) {
            faults.add(FieldFault.of("users", "application.users.none"));
            return;
        }
        if (users.size() > MAX_USERS) {
            faults.add(FieldFault.of("users", "application.users.tooMany", MAX_USERS));
            return;
        }
        if (users.stream().noneMatch(ApplicantUser::facilityAdmin)) {
            faults.add(FieldFault.of("users", "application.users.noAdmin"));
        }
        for (int i = 0; i < users.size(); i++) {
            ApplicantUser user = users.get(i);
            String prefix = "users[" + i + "].";
            if (user.nameKanji().isEmpty() || user.nameKanji().length() > 100) {
                faults.add(FieldFault.of(prefix + "nameKanji", "application.user.nameKanji", i + 1));
            }
            if (user.nameKana().isEmpty() || user.nameKana().length() > 100
                    || !KATAKANA.matcher(user.nameKana()).matches()) {
                faults.add(FieldFault.of(prefix + "nameKana", "application.user.nameKana", i + 1));
            }
            if (user.profession() == null || !ApplicantUser.OFFERED.contains(user.profession())) {
                faults.add(FieldFault.of(prefix + "profession", "application.user.profession", i + 1));
            }
        }
    }

    /** The facility as the registry will store it (active from approval). */
    public FacilityDraft facility() {
        return new FacilityDraft(nameKanji, nameKana, kind, code.isEmpty() ? null : code, prefecture, address,
                phone.isEmpty() ? null : phone, disclosing, viewing, FacilityStatus.ACTIVE);
    }

    /** The accepted cards, or the regional card when none was ticked (what a facility without a profile accepts). */
    public Set<AcceptedCard> cardsOrRegional() {
        return acceptedCards.isEmpty() ? EnumSet.of(AcceptedCard.REGIONAL) : acceptedCards;
    }

    static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
