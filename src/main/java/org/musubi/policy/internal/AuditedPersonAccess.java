package org.musubi.policy.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.policy.AccessPolicy;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.Disclosure;
import org.musubi.policy.DisclosureKind;
import org.musubi.policy.Interaction;
import org.musubi.policy.Permit;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.policy.PersonFacts;
import org.musubi.policy.PersonView;
import org.musubi.policy.Requester;
import org.musubi.policy.disclosure.Disclosures;
import org.springframework.stereotype.Service;

@Service
class AuditedPersonAccess implements PersonAccess {

    /**
     * A link's last use is written again only when it is older than this: the idle period that ends
     * a link is counted in days, and a write (with its WAL flush) on every read would cost more than
     * the read.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final AccessPolicy policy;
    private final PolicyFacts facts;
    private final IdentityStore identities;
    private final Audit audit;
    private final PersonViews views;
    private final Disclosures disclosures;

    AuditedPersonAccess(PersonViews views, Audit audit, Disclosures disclosures) {
        this.policy = views.policy();
        this.facts = views.facts();
        this.identities = views.identities();
        this.audit = audit;
        this.views = views;
        this.disclosures = disclosures;
    }

    @Override
    public Decision decideAs(long userId, Function<Requester, Decision> rule) {
        return rule.apply(facts.requester(userId));
    }

    @Override
    public PersonView glance(long userId, long personId) {
        return views.view(facts.requester(userId), Purpose.TREATMENT, personId);
    }

    @Override
    public Decision openPerson(long userId, Purpose purpose, long personId) {
        return viewPerson(userId, purpose, personId).decision();
    }

    @Override
    public PersonView viewPerson(long userId, Purpose purpose, long personId) {
        Interaction<PersonView> opened = interact(userId, purpose, personId, null, AuditAction.READ, "Patient",
                view -> Interaction.permitted(view, view.decision(), List.of(String.valueOf(personId))));
        return opened.value() != null ? opened.value() : new PersonView(opened.decision(), null);
    }

    @Override
    public PersonView viewUnattached(long userId, Purpose purpose) {
        Requester requester = facts.requester(userId);
        PersonFacts nobody = new PersonFacts(0, List.of(), List.of(), Set.of(), List.of());
        return new PersonView(new Permit(Permit.OWN_FACILITY_DATA), policy.itemDecisions(requester, purpose, nobody));
    }

    @Override
    public <T> Interaction<T> interact(long userId, Purpose purpose, Reached reached, AuditAction action,
                                       String resourceType, Function<PersonView, Interaction<T>> body) {
        return switch (reached) {
            case Reached.ById byId -> interact(userId, purpose, byId.personId(), null, action, resourceType, body);
            case Reached.Through through -> interact(userId, purpose, through.personId(), through.sourcePatientId(),
                    action, resourceType, body);
            case Reached.Held held -> interactHeld(userId, purpose, held.sourcePatientId(), action, resourceType, body);
        };
    }

    /** {@link #interact} with a held patient ({@link Reached#held}). */
    private <T> Interaction<T> interactHeld(long userId, Purpose purpose, long sourcePatientId, AuditAction action,
                                           String resourceType, Function<PersonView, Interaction<T>> body) {
        Requester requester = facts.requester(userId);
        SourcePatient held = requester.facilityId() == null ? null : identities.sourcePatient(sourcePatientId)
                .filter(s -> requester.actsFor(s.facilityId()) && identities.personOf(s.id()).isEmpty()).orElse(null);
        PersonFacts own = new PersonFacts(0, List.of(), List.of(), Set.of(), List.of(),
                held == null ? Set.of() : Set.of(held.facilityId()));
        Decision decision = held == null ? new Deny(Deny.UNKNOWN_PERSON) : ownPatientOnly(
                policy.decidePerson(requester, purpose, own, true));
        PersonView view = new PersonView(decision, decision.permitted() ? policy.itemDecisions(requester, purpose, own)
                : null, null, held == null ? List.of() : List.of(held));
        Interaction<T> result = decision.permitted() ? body.apply(view) : Interaction.refused(decision, List.of());
        audited(action, resourceType, result, null, purpose);
        return result;
    }

    /** A held patient opens as the facility's own patient only, or not at all (never as a person, whatever permits). */
    private static Decision ownPatientOnly(Decision decision) {
        return !decision.permitted() || decision.key().equals(Permit.OWN_PATIENT) ? decision
                : new Deny(Deny.UNKNOWN_PERSON);
    }

    @Override
    public <T> Interaction<T> interactDisclosed(long userId, long disclosureId, AuditAction action,
                                                String resourceType,
                                                BiFunction<Disclosure, PersonView, Interaction<T>> body) {
        Disclosure disclosure = disclosures.find(disclosureId).orElse(null);
        RegisteredPerson registered = disclosure == null ? null
                : identities.person(disclosure.personId()).orElse(null);
        Requester requester = facts.requester(userId);
        Disclosed disclosed = disclosure == null ? null : disclosed(disclosure, registered);
        Function<DataItem, Decision> items = disclosed == null || disclosed.made() == null
                ? item -> new Deny(Deny.UNKNOWN_PERSON)
                : item -> policy.decideDisclosed(requester, disclosed.person(), disclosed.made(), item);
        Decision decision = items.apply(null);
        PersonView view = new PersonView(decision, items, null, disclosed == null ? List.of() : disclosed.sources());
        Interaction<T> result = decision.permitted() ? body.apply(disclosed.made(), view)
                : Interaction.refused(decision, List.of());
        audited(action, resourceType, result, registered == null ? null : registered.person().regionalId(),
                Purpose.TREATMENT);
        return result;
    }

    @Override
    public Map<Long, Decision> disclosedTo(Disclosure disclosure, Collection<Long> userIds) {
        Disclosed disclosed = disclosed(disclosure, identities.person(disclosure.personId()).orElse(null));
        Map<Long, Decision> decisions = new LinkedHashMap<>();
        for (Long userId : userIds) {
            decisions.put(userId, disclosed.made() == null ? new Deny(Deny.UNKNOWN_PERSON)
                    : policy.decideDisclosed(facts.requester(userId), disclosed.person(), disclosed.made(), null));
        }
        return decisions;
    }

    /**
     * A disclosure as the facts stand: the person's facts, the disclosure with the facility of the patient it was made
     * from ({@code made}, null when the person is unknown or that patient is not theirs) and the sources its view
     * reaches.
     */
    private record Disclosed(PersonFacts person, Disclosure made, List<SourcePatient> sources) {
    }

    private Disclosed disclosed(Disclosure disclosure, RegisteredPerson registered) {
        long personId = disclosure.personId();
        List<SourcePatient> all = registered == null ? List.of() : identities.sourcePatientsOf(personId);
        PersonFacts person = facts.person(personId, registered == null ? null : registered.person().address(), all);
        if (disclosure.kind().reach() == DisclosureKind.Reach.NOTHING) {
            return new Disclosed(person, registered == null ? null : disclosure, List.of());
        }
        SourcePatient from = all.stream().filter(s -> s.id() == disclosure.fromPatientId()).findFirst().orElse(null);
        if (from == null) {
            return new Disclosed(person, null, List.of());
        }
        return new Disclosed(person, disclosure.from(from.facilityId()),
                disclosure.kind().reach() == DisclosureKind.Reach.EVERY_SOURCE ? all : List.of(from));
    }

    @Override
    public Decision inbox(long userId) {
        return policy.decideInbox(facts.requester(userId));
    }

    @Override
    public boolean standing(long facilityId, long personId) {
        return identities.person(personId).isPresent()
                && policy.standingFacilities(facts.person(personId, null, List.of()).links()).contains(facilityId);
    }

    /** One interaction; {@code through} the source patient the person was reached through, null when by id. */
    private <T> Interaction<T> interact(long userId, Purpose purpose, long personId, Long through, AuditAction action,
                                        String resourceType, Function<PersonView, Interaction<T>> body) {
        RegisteredPerson registered = identities.person(personId).orElse(null);
        String regionalId = registered == null ? null : registered.person().regionalId();
        Requester requester = facts.requester(userId);
        List<SourcePatient> sources = registered == null ? List.of() : identities.sourcePatientsOf(personId);
        PersonFacts person = facts.person(personId, registered == null ? null : registered.person().address(), sources);
        SourcePatient own = through == null || requester.facilityId() == null ? null : sources.stream()
                .filter(s -> s.id() == through && requester.actsFor(s.facilityId())).findFirst().orElse(null);
        Decision decision = regionalId == null ? new Deny(Deny.UNKNOWN_PERSON)
                : policy.decidePerson(requester, purpose, person, own != null);
        boolean ownOnly = decision.key().equals(Permit.OWN_PATIENT);
        PersonView view = new PersonView(decision,
                decision.permitted() ? policy.itemDecisions(requester, purpose, person) : null, registered,
                ownOnly ? List.of(own) : sources, decision.permitted() && policy.standing(requester, person));
        Interaction<T> result = decision.permitted() ? body.apply(view)
                : Interaction.refused(decision, List.of(String.valueOf(personId)));
        audited(action, resourceType, result, regionalId, purpose);
        if (decision.key().equals(Permit.TREATMENT_CONSENT_AND_LINK) && requester.facilityId() != null
                && person.links().stream().filter(l -> l.facilityId() == requester.facilityId() && !l.ended())
                        .allMatch(l -> l.lastUsed().isBefore(Instant.now().minus(TOUCH_INTERVAL)))) {
            facts.touchLink(personId, requester.facilityId());
        }
        return result;
    }

    /** The interaction's one audit row: permit or deny, what it named, the person, the purpose and the reason. */
    private void audited(AuditAction action, String resourceType, Interaction<?> result, String regionalId,
                         Purpose purpose) {
        audit.record(AuditEntry.of(action, result.permitted() ? Outcome.PERMIT : Outcome.DENY)
                .on(resourceType, result.resourceIds().toArray()).patient(regionalId).purpose(purpose)
                .reason(result.decision().key()));
    }
}
