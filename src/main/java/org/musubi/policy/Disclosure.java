package org.musubi.policy;

import java.util.Objects;
import java.util.Set;
import org.musubi.registry.Profession;

/**
 * Another party sees part of a person's record (issue 68): a letter's addressee, a consultation's specialist, a reading
 * centre, the recipient of a Box file, a municipality sent a document. What the party may see is what was sent — rows
 * the wing names, under the patient it was sent from — never the person: a disclosure never grants standing (design
 * rule 4), opens no person, and is decided, read and answered through one rule ({@link AccessPolicy#decideDisclosed}),
 * one interaction ({@link PersonAccess#interactDisclosed}) and the record's one read and one answer door. What differs
 * between kinds is the {@link DisclosureKind}'s.
 *
 * @param personId the person the disclosure is about
 * @param fromPatientId the source patient it was made from (its rows are under it; what the party answers is stored
 *     under it), null when it reaches no patient ({@link DisclosureKind.Reach#NOTHING})
 * @param fromFacilityId the facility it was made by; 0 until known from {@code fromPatientId} ({@link #from(long)})
 * @param toFacilityId the facility it was made to (0: whoever the sender chose, {@link DisclosureKind#FILE})
 * @param toUserId the one user of that facility it was made to, null when any of its users
 * @param readers the professions it is meant for ({@link DisclosureKind.Rule#NAMED_READER}), empty otherwise
 */
public record Disclosure(DisclosureKind kind, long personId, Long fromPatientId, long fromFacilityId, long toFacilityId,
                         Long toUserId, Set<Profession> readers) {

    public Disclosure {
        Objects.requireNonNull(kind, "kind");
        readers = Set.copyOf(readers);
        if ((fromPatientId == null) != (kind.reach() == DisclosureKind.Reach.NOTHING)) {
            throw new IllegalArgumentException(kind + " is made from a source patient exactly when its view reaches one");
        }
    }

    /** A letter addressed to {@code addresseeFacilityId}, stored under the sender's source patient. */
    public static Disclosure letter(long personId, long senderPatientId, long addresseeFacilityId) {
        return new Disclosure(DisclosureKind.LETTER, personId, senderPatientId, 0, addresseeFacilityId, null, Set.of());
    }

    /** A case consultation addressed to {@code addresseeFacilityId}, asked from the source patient {@code askingPatientId}. */
    public static Disclosure consultation(long personId, long askingPatientId, long addresseeFacilityId) {
        return new Disclosure(DisclosureKind.CONSULTATION, personId, askingPatientId, 0, addresseeFacilityId, null,
                Set.of());
    }

    /** A study sent for reading to {@code readingFacilityId}, asked from the source patient {@code askingPatientId}. */
    public static Disclosure reading(long personId, long askingPatientId, long readingFacilityId) {
        return new Disclosure(DisclosureKind.READING, personId, askingPatientId, 0, readingFacilityId, null, Set.of());
    }

    /** A Box file about the person sent by a user of {@code senderFacilityId}. */
    public static Disclosure file(long personId, long senderFacilityId) {
        return new Disclosure(DisclosureKind.FILE, personId, null, senderFacilityId, 0, null, Set.of());
    }

    /** A document sent to {@code addresseeFacilityId} (and {@code addresseeUserId} when not null) for {@code readers}. */
    public static Disclosure document(long personId, long addresseeFacilityId, Long addresseeUserId,
                                      Set<Profession> readers) {
        return new Disclosure(DisclosureKind.DOCUMENT, personId, null, 0, addresseeFacilityId, addresseeUserId, readers);
    }

    /** This disclosure as made by {@code facilityId} (the facility of the source patient it was made from). */
    public Disclosure from(long facilityId) {
        return new Disclosure(kind, personId, fromPatientId, facilityId, toFacilityId, toUserId, readers);
    }
}
