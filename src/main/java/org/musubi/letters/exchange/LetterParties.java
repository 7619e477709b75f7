package org.musubi.letters.exchange;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.Person;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.letters.Addressee;
import org.musubi.letters.Author;
import org.musubi.letters.Facility;
import org.musubi.policy.PersonView;
import org.musubi.record.IdKeys;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Who writes and who receives: the author, the sending and receiving facilities, as the registry knows them; the person
 * a facility's patient is linked to; the patient a letter is written about, as the writing facility knows them.
 *
 * <p>A facility knows a person as its patient ({@link #known}) when the access decision read a source patient of its
 * own (one its system sent, or the chart number recorded at linking) or when it has standing — a link made with the
 * person's card, with or without a chart number (issue 67: a clinic linked by card alone answers the letter it was
 * sent). A letter is stored under the facility's own source patient; one linked by card alone gets that source patient
 * on its first letter ({@link #own}), made from the person's demographics under an unguessable local id.
 */
public final class LetterParties {

    private final Users users;
    private final Facilities facilities;
    private final IdentityStore identities;
    private final LinkSourcePatient link;
    private final IdKeys keys;

    public LetterParties(Users users, Facilities facilities, IdentityStore identities, LinkSourcePatient link,
                         IdKeys keys) {
        this.users = users;
        this.facilities = facilities;
        this.identities = identities;
        this.link = link;
        this.keys = keys;
    }

    /**
     * The patient as the author's facility knows them, for the composer and the preview (nothing is stored): its own
     * source patient when the view holds one; else, when the facility has standing (linked by card), the person as
     * the card proved them, under the local id their first letter will be stored under; else empty (an automatic
     * match gives no standing: the letter is refused as {@code letter.fault.notOurPatient}).
     */
    Optional<SourcePatient> known(Reader author, PersonView view) {
        if (author.facilityId() == null) {
            return Optional.empty();
        }
        Optional<SourcePatient> own = view.sources().stream().filter(s -> author.actsFor(s.facilityId())).findFirst();
        if (own.isPresent() || !view.standing() || view.opened().isEmpty()) {
            return own;
        }
        long facility = author.facilityId();
        Person p = view.opened().get().person();
        return Optional.of(new SourcePatient(0, facility, localId(facility, view.opened().get().id()), p.familyKanji(),
                p.givenKanji(), p.familyKana(), p.givenKana(), p.sex(), p.birthDate(), null, null, null));
    }

    /**
     * The source patient a letter by the author's facility is stored under: its own when the view holds one; else, the
     * facility having standing (linked by card alone), one made and linked now ({@link LinkMethod#CARD}, one {@code
     * IDENTITY_LINK} audit row, once per facility and person); else empty.
     */
    Optional<SourcePatient> own(Reader author, PersonView view) {
        if (author.facilityId() == null) {
            return Optional.empty();
        }
        long facility = author.facilityId();
        Optional<SourcePatient> own = view.sources().stream().filter(s -> s.facilityId() == facility).findFirst();
        if (own.isPresent() || !view.standing() || view.opened().isEmpty()) {
            return own;
        }
        long person = view.opened().get().id();
        return Optional.of(link.ownOrLinked(author.userId(), facility, view.opened().get(), view.sources(),
                () -> localId(facility, person), LinkMethod.CARD, "a facility linked by card writes its first letter"));
    }

    /** The local id of a card-linked facility's source patient made for letters: keyed, the same on every node. */
    private String localId(long facilityId, long personId) {
        return keys.current().keyedUuid("musubi-letter-source\u001f" + facilityId + "\u001f" + personId);
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
