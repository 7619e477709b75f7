package org.musubi.secretariat.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.RegisterFacility;
import org.musubi.registry.RegisterUser;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.SetFacilityProfile;
import org.musubi.security.AccountAdministration;
import org.musubi.security.IssuedSecret;

/**
 * What an approval makes, through the registry's and the logins' own doors (each writes its own audit row): the
 * facility ({@link RegisterFacility}), its profile ({@link SetFacilityProfile}: municipality, beds, accepted cards,
 * joined today), and its users ({@link RegisterUser}) with a temporary password and an enrolment code each
 * ({@link AccountAdministration#issueInitial}), as an operator creating them on the users' page would. Login ids are
 * made from the facility: {@code c<医療機関コード>-<n>}, or {@code f<facility id>-<n>} without a code. To be run inside
 * one transaction: a failure half-way leaves nothing.
 */
public final class Onboarding {

    private final RegisterFacility registerFacility;
    private final SetFacilityProfile setProfile;
    private final RegisterUser registerUser;
    private final AccountAdministration accounts;
    private final Facilities facilities;

    public Onboarding(RegisterFacility registerFacility, SetFacilityProfile setProfile, RegisterUser registerUser,
                      AccountAdministration accounts, Facilities facilities) {
        this.registerFacility = registerFacility;
        this.setProfile = setProfile;
        this.registerUser = registerUser;
        this.accounts = accounts;
        this.facilities = facilities;
    }

    /** The facility that already has this application's 医療機関コード, if one does. */
    public Optional<Facility> holderOfCode(ApplicationDraft draft) {
        return draft.code().isEmpty() ? Optional.empty() : facilities.findByCode(draft.code());
    }

    public Created create(Administrator admin, ApplicationDraft draft, LocalDate today) {
        Facility facility = registerFacility.register(admin, null, draft.facility());
        setProfile.set(admin, new FacilityProfile(facility.id(), Optional.of(draft.municipality()),
                Optional.ofNullable(draft.beds()), draft.cardsOrRegional(), true, today, Optional.empty()));
        List<CreatedUser> users = new ArrayList<>();
        for (int i = 0; i < draft.users().size(); i++) {
            ApplicantUser wanted = draft.users().get(i);
            String loginId = (draft.code().isEmpty() ? "f" + facility.id() : "c" + draft.code()) + "-" + (i + 1);
            User user = registerUser.register(admin, null, new UserDraft(loginId, wanted.nameKanji(),
                    wanted.nameKana(), wanted.profession(), List.of(new User.Membership(facility.id(),
                    wanted.facilityAdmin())), false, UserStatus.ACTIVE));
            AccountAdministration.InitialSecrets secrets = accounts.issueInitial(admin, user.id());
            users.add(new CreatedUser(i, user, secrets.temporaryPassword(), secrets.enrolmentCode()));
        }
        return new Created(facility, List.copyOf(users));
    }

    /** What an approval made: the facility and each user with the secrets to hand over (shown once). */
    public record Created(Facility facility, List<CreatedUser> users) {
    }

    public record CreatedUser(int position, User user, IssuedSecret temporaryPassword, IssuedSecret enrolmentCode) {
    }
}
