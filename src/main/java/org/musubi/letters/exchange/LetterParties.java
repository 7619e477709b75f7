package org.musubi.letters.exchange;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.IdentityStore;
import org.musubi.letters.Addressee;
import org.musubi.letters.Author;
import org.musubi.letters.Facility;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Who writes and who receives: the author, the sending and receiving facilities, as the registry knows them; the person
 * a facility's patient is linked to.
 */
public final class LetterParties {

    private final Users users;
    private final Facilities facilities;
    private final IdentityStore identities;

    public LetterParties(Users users, Facilities facilities, IdentityStore identities) {
        this.users = users;
        this.facilities = facilities;
        this.identities = identities;
    }

    /** The person a source patient is linked to. */
    Optional<Long> personOf(long sourcePatientId) {
        return identities.personOf(sourcePatientId);
    }

    /** The author as a letter names them, when they are active staff. */
    Optional<Author> author(long userId) {
        return users.find(userId).filter(User::active).filter(u -> !u.resident()).map(u -> new Author(u.nameKanji(),
                u.nameKana(), profession(u.profession()), null, String.valueOf(u.id())));
    }

    /** A facility of the network, active, as a letter names it. */
    Optional<Facility> facility(long facilityId) {
        return facilities.find(facilityId).filter(org.musubi.registry.Facility::active)
                .filter(f -> f.kind() != FacilityKind.PERSONAL_HEALTH_RECORD)
                .map(f -> new Facility(f.nameKanji(), f.medicalInstitutionCode().map(MedicalInstitutionCode::value)
                        .orElse(null), null, f.address(), f.phone()));
    }

    Optional<Addressee> addressee(long facilityId, String department, String doctor) {
        return facility(facilityId).map(f -> new Addressee(f, facilityId, blankToNull(department), blankToNull(doctor)));
    }

    /** The facility with this institution code (an MHD recipient named by it). */
    Optional<Long> byCode(String institutionCode) {
        return facilities.findByCode(institutionCode).filter(org.musubi.registry.Facility::active)
                .map(org.musubi.registry.Facility::id);
    }

    List<LetterExchange.FacilityChoice> choices(Long own) {
        return facilities.all().stream().filter(org.musubi.registry.Facility::active)
                .filter(f -> own == null || f.id() != own)
                .filter(f -> f.kind() != FacilityKind.PERSONAL_HEALTH_RECORD)
                .sorted(Comparator.comparing(org.musubi.registry.Facility::nameKana))
                .map(f -> new LetterExchange.FacilityChoice(f.id(), f.nameKanji(), f.kind().name())).toList();
    }

    private static Author.Profession profession(Profession p) {
        return switch (p) {
            case DOCTOR -> Author.Profession.DOCTOR;
            case DENTIST -> Author.Profession.DENTIST;
            case PHARMACIST -> Author.Profession.PHARMACIST;
            case NURSE, PUBLIC_HEALTH_NURSE, MIDWIFE -> Author.Profession.NURSE;
            default -> Author.Profession.OTHER;
        };
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
