package org.musubi.signature.keys;

import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.signature.cms.CertificateSubjects;

/**
 * The subject a user's certificate names: their display name (kanji), the facility they act for (its name and
 * medical-institution code) and their profession. Only active staff of an active facility may hold a key: not a
 * resident, a facility's system or a network operator without a facility.
 */
public final class SignerProfiles {

    private final Users users;
    private final Facilities facilities;

    public SignerProfiles(Users users, Facilities facilities) {
        this.users = users;
        this.facilities = facilities;
    }

    /** The subject for {@code userId}, or empty when the user may not hold a signing key. */
    public Optional<X500Name> subjectOf(long userId) {
        Optional<User> user = users.find(userId).filter(User::active).filter(u -> !u.resident())
                .filter(u -> u.profession() != Profession.FACILITY_SYSTEM && u.profession() != Profession.RESIDENT);
        Optional<Facility> facility = user.flatMap(User::actingFacilityId).flatMap(facilities::find).filter(Facility::active);
        if (user.isEmpty() || facility.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CertificateSubjects.of(user.get().nameKanji(), facility.get().nameKanji(),
                facility.get().medicalInstitutionCode().map(MedicalInstitutionCode::value),
                user.get().profession().name()));
    }
}
