package org.musubi.policy;

import java.util.Collection;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;

/**
 * The audited entry to the access policy: every call decides from fresh facts (consents, links,
 * blocks, emergency accesses) and leaves exactly one audit row, permit or deny.
 */
public interface PersonAccess {

    /**
     * A decision about no person for the user as the policy sees them now ({@link Requester}: active, suspended,
     * profession, facility), such as a research project's release ({@link DeidentifiedRelease#decide}). Not audited:
     * the act it belongs to is, once.
     */
    Decision decideAs(long userId, Function<Requester, Decision> rule);

    /** May this user open this person (the patient header and timeline) for this purpose? */
    Decision openPerson(long userId, Purpose purpose, long personId);

    /**
     * Opens the person like {@link #openPerson} (one audit row, of the person-level decision) and
     * returns with it the filter for the person's items, so that a read shows only permitted items.
     */
    PersonView viewPerson(long userId, Purpose purpose, long personId);

    /**
     * How the user may see data about no person (yet): a resource sent without a patient, or under a patient not
     * linked to a person. Only the user's own facility's data, and only the categories the user's profession may
     * see, as for any data. Not audited here: the caller audits its interaction once.
     */
    PersonView viewUnattached(long userId, Purpose purpose);

    /**
     * One interaction with a person's record (a read, a search, a write): the body runs only when the person opens for
     * the user, gets the view to judge items with, and reports what it did. Exactly one audit row is written, permit or
     * deny, with the person, the action and the resource ids. How the person is {@link Reached}:
     * <ul>
     *   <li>{@link Reached#person by id}: the person's decision ({@link AccessPolicy#decidePerson});</li>
     *   <li>{@link Reached#through through one of their source patients}: the patient a resource read by its id is
     *       stored under, or a patient the requester's facility named by its own patient ID or its own Patient. When
     *       that patient is the requester's facility's own and the facility has no standing for the person ({@link
     *       AccessPolicy#standing}), the view is of that patient only ({@link Permit#OWN_PATIENT}); otherwise the
     *       decision is the person's, as by id (when the patient is not the person's, it counts for nothing);</li>
     *   <li>{@link Reached#held held}: a patient of the requester's own facility that 名寄せ has joined to no person —
     *       held for an operator's review, dismissed from it, or waiting for a rematch: held means "not joined to a
     *       person", never "not stored", and the facility that sent the patient reads what it sent. The view is of that
     *       patient only ({@link Permit#OWN_PATIENT}, no person), its items judged as the facility's own data (the
     *       profession's categories, rule 7; for {@code OWN_RECORDS} its clinical staff, rule 10), decided as {@link
     *       AccessPolicy#decidePerson} decides through a facility's own patient of a person whose only data is that
     *       facility's. Any other requester — another facility, a resident, an operator of no facility — and a patient
     *       that is linked to a person, or that does not exist, are refused alike ({@link Deny#UNKNOWN_PERSON}): the
     *       answer is that of a patient nobody has. Its audit row names no person.</li>
     * </ul>
     */
    <T> Interaction<T> interact(long userId, Purpose purpose, Reached reached, AuditAction action,
                                String resourceType, Function<PersonView, Interaction<T>> body);

    /**
     * One interaction of the party a disclosure was made to with what it let that party see ({@link
     * AccessPolicy#decideDisclosed}): the disclosure is the one stored with id {@code disclosureId} (made by the wing
     * with {@code policy.disclosure.Disclose}); the decision is the disclosure's as a whole, and the view judges each
     * item by the same rule; it opens no person (a party learns who the patient is from what was sent, not from the
     * network's registry) and its sources are what the kind reaches ({@link DisclosureKind.Reach}: the patient it was
     * made from, every source patient of the person, or none). The body gets the disclosure as made (with the facility
     * it was made from) and the view. An id no disclosure has, and a disclosure made from a patient that is not the
     * person's, are refused as an unknown person. Purpose TREATMENT; exactly one audit row, naming the person for
     * their access log.
     */
    <T> Interaction<T> interactDisclosed(long userId, long disclosureId, AuditAction action, String resourceType,
                                         BiFunction<Disclosure, PersonView, Interaction<T>> body);

    /**
     * The decision of {@link AccessPolicy#decideDisclosed} on a disclosure as a whole, for each of {@code userIds}
     * (the recipients of a file being sent; whether a file's reader may open it now), by user id. Not audited: the act
     * it belongs to is, once.
     */
    Map<Long, Decision> disclosedTo(Disclosure disclosure, Collection<Long> userIds);

    /**
     * May the user list what was disclosed to and by their facility ({@link AccessPolicy#decideInbox})? Not audited:
     * the listing it belongs to is, once.
     */
    Decision inbox(long userId);

    /**
     * Whether the facility has standing for the person now ({@link AccessPolicy#standing}: a live link made with the
     * person's card): for a write that names the person by id. Not audited: the write it belongs to is.
     */
    boolean standing(long facilityId, long personId);

    /**
     * The person's view as the policy decides it now for treatment, neither audited nor touching the facility's link:
     * only for counting what waits for the user (the home page's work list counts its own rows, and asks this so that
     * it never counts what the user may not see); never for showing anything of the record.
     */
    PersonView glance(long userId, long personId);

    /**
     * How an interaction ({@link #interact}) reaches the person whose record it touches: by the person's id, through a
     * patient of the requester's own facility that is linked to the person (its own patient ID, its own Patient, its
     * own-records page), or a patient of its own facility that 名寄せ has joined to no person (held). What each opens
     * is the policy's: through its own patient, a facility without standing sees that patient only ({@link
     * Permit#OWN_PATIENT}); a held patient opens only for the facility that sent it, never as a person.
     */
    sealed interface Reached {

        /** The regional person, by id. */
        static Reached person(long personId) {
            return new ById(personId);
        }

        /**
         * The person {@code personId} reached through their source patient {@code sourcePatientId}; when that patient
         * is not the person's, or not of the requester's facility, it counts for nothing (as by id).
         */
        static Reached through(long personId, long sourcePatientId) {
            return new Through(personId, sourcePatientId);
        }

        /** A patient of the requester's own facility joined to no person (held for review, dismissed, waiting). */
        static Reached held(long sourcePatientId) {
            return new Held(sourcePatientId);
        }

        /** The regional person, by id. */
        record ById(long personId) implements Reached {
        }

        /** The person through one of their source patients. */
        record Through(long personId, long sourcePatientId) implements Reached {
        }

        /** A source patient joined to no person. */
        record Held(long sourcePatientId) implements Reached {
        }
    }
}
