package org.musubi.policy.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Purpose;
import org.musubi.policy.ConsentGrant;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.Deny;
import org.musubi.policy.EmergencyAccess;
import org.musubi.policy.FacilityLink;
import org.musubi.policy.PersonFacts;
import org.musubi.policy.Permit;
import org.musubi.policy.Requester;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;

/**
 * The rules of {@code AccessPolicy}'s one decision, by purpose, in the order its documentation gives them (rules 1–11):
 * the policy's class holds the questions and their documentation, this class their answers. Judged at the instant the
 * caller passes, so that one result set is judged at one time.
 */
public final class CareRules {

    private final ProfessionMatrix matrix;
    private final Duration linkIdlePeriod;
    private final Set<Profession> emergencyProfessions;
    private final Set<Profession> ownRecordsProfessions;

    public CareRules(ProfessionMatrix matrix, Duration linkIdlePeriod, Set<Profession> emergencyProfessions,
                     Set<Profession> ownRecordsProfessions) {
        this.matrix = matrix;
        this.linkIdlePeriod = linkIdlePeriod;
        this.emergencyProfessions = Set.copyOf(emergencyProfessions);
        this.ownRecordsProfessions = Set.copyOf(ownRecordsProfessions);
    }

    /** Whether the requester's facility has standing for the person at {@code now}: a live link of its own. */
    public boolean standing(Instant now, Requester requester, PersonFacts facts) {
        return facts.links().stream().anyMatch(l -> requester.actsFor(l.facilityId()) && l.liveAt(now, linkIdlePeriod));
    }

    /** Decides for one item, or for the person as a whole when {@code item} is {@code null}. */
    public Decision evaluate(Instant now, Requester requester, Purpose purpose, PersonFacts facts, DataItem item) {
        if (!requester.userActive()) {
            return new Deny(Deny.USER_DISABLED);
        }
        if (requester.facilitySuspended()) {
            return new Deny(Deny.FACILITY_SUSPENDED);
        }
        return switch (purpose) {
            case PATIENT_SELF_ACCESS -> notToThePatient(self(now, requester, facts), item);
            case RESEARCH -> new Deny(Deny.RESEARCH_NOT_THROUGH_RECORDS);
            case OPERATIONS -> operations(requester, item);
            case TREATMENT, EMERGENCY -> facts.blocks(requester)
                    ? new Deny(Deny.FACILITY_BLOCKED) : care(now, requester, purpose, facts, item);
            case OWN_RECORDS -> facts.blocks(requester)
                    ? new Deny(Deny.FACILITY_BLOCKED) : ownRecords(requester, facts, item);
            case null -> new Deny(Deny.NO_RULE);
        };
    }

    private static Decision self(Instant now, Requester requester, PersonFacts facts) {
        if (requester.isPerson(facts.personId())) {
            return new Permit(Permit.PATIENT_SELF_ACCESS);
        }
        List<PersonFacts.ProxyAccess> own = requester.profession() == Profession.RESIDENT
                ? facts.proxies().stream().filter(p -> p.userId() == requester.userId()).toList() : List.of();
        if (own.isEmpty()) {
            return new Deny(Deny.NOT_THE_PATIENT);
        }
        return own.stream().anyMatch(p -> p.liveAt(now)) ? new Permit(Permit.PROXY_ACCESS) : new Deny(Deny.PROXY_EXPIRED);
    }

    /**
     * The JP-CLINS flags to the patient's side: 未告知 is what the patient has not been told yet, 未提供 what is not
     * shared; neither reaches the patient, a proxy or the patient's apps, whatever else permits.
     */
    private static Decision notToThePatient(Decision decision, DataItem item) {
        if (!decision.permitted() || item == null || !item.category().flag()) {
            return decision;
        }
        return new Deny(item.category() == DataCategory.UNINFORMED ? Deny.NOT_TOLD_TO_PATIENT : Deny.NOT_FOR_SHARING);
    }

    private static Decision operations(Requester requester, DataItem item) {
        if (!requester.networkAdmin()) {
            return new Deny(Deny.NOT_NETWORK_ADMIN);
        }
        return item == null || item.category() == DataCategory.DEMOGRAPHICS
                ? new Permit(Permit.OPERATIONS_DEMOGRAPHICS) : new Deny(Deny.OPERATIONS_DEMOGRAPHICS_ONLY);
    }

    private Decision care(Instant now, Requester requester, Purpose purpose, PersonFacts facts, DataItem item) {
        if (!professionMaySee(requester, purpose, item)) {
            return new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION);
        }
        if (item != null && requester.actsFor(item.sourceFacilityId())) {
            return new Permit(Permit.OWN_FACILITY_DATA);
        }
        if (item != null && DataCategory.SOURCE_FACILITY_ONLY.contains(item.category())) {
            return new Deny(item.category() == DataCategory.UNDELIVERED ? Deny.NOT_FOR_SHARING : Deny.SOURCE_FACILITY_ONLY);
        }
        Decision decision = purpose == Purpose.EMERGENCY
                ? permitUnless(emergencyProfession(requester).or(() -> disasterArea(requester, facts))
                        .or(() -> breakTheGlass(now, requester, facts))
                        .or(() -> emergencyMinimum(item))
                        .or(() -> consent(facts, purpose, item)), Permit.EMERGENCY_ACCESS)
                : treatment(now, requester, facts, item);
        return item == null && !decision.permitted() && facts.hasDataFrom(requester)
                ? new Permit(Permit.OWN_FACILITY_DATA) : decision;
    }

    /**
     * Rule 9: a viewing facility, consent and a live link of the requester's facility; or, when that refuses, a live
     * membership of one of the person's care teams (for the facility the requester acts for) and the consent — a
     * member's facility needs neither a link nor to be a viewing facility: the membership, made by a member whose
     * facility has standing, is the grant. A block (rule 5) and the matrix (rule 6) were asked before.
     */
    private Decision treatment(Instant now, Requester requester, PersonFacts facts, DataItem item) {
        Decision linked = permitUnless(viewing(requester)
                .or(() -> consent(facts, Purpose.TREATMENT, item))
                .or(() -> link(now, requester, facts)), Permit.TREATMENT_CONSENT_AND_LINK);
        if (linked.permitted() || !facts.teamMember(requester, now)) {
            return linked;
        }
        return permitUnless(consent(facts, Purpose.TREATMENT, item), Permit.CARE_TEAM_MEMBER);
    }

    /** Rule 10: only what the requester's own facility sent, to its clinical staff. */
    private Decision ownRecords(Requester requester, PersonFacts facts, DataItem item) {
        if (requester.profession() == null || !ownRecordsProfessions.contains(requester.profession())) {
            return new Deny(Deny.PROFESSION_NOT_FOR_OWN_RECORDS);
        }
        if (!professionMaySee(requester, Purpose.OWN_RECORDS, item)) {
            return new Deny(Deny.CATEGORY_NOT_ALLOWED_FOR_PROFESSION);
        }
        boolean own = item == null ? facts.hasDataFrom(requester) : requester.actsFor(item.sourceFacilityId());
        return own ? new Permit(Permit.OWN_SOURCE_DATA) : new Deny(Deny.NOT_OWN_SOURCE);
    }

    private static Optional<Deny> disasterArea(Requester requester, PersonFacts facts) {
        return !requester.disasterResponder() || facts.inDisasterArea() ? Optional.empty()
                : deny(Deny.OUTSIDE_DISASTER_MODE);
    }

    public boolean professionMaySee(Requester requester, Purpose purpose, DataItem item) {
        Set<DataCategory> allowed = matrix.categoriesOf(requester.profession());
        if (item != null) {
            return item.category().flag() ? !allowed.isEmpty() : allowed.contains(item.category());
        }
        return purpose == Purpose.EMERGENCY
                ? allowed.stream().anyMatch(DataCategory.EMERGENCY_MINIMUM::contains) : !allowed.isEmpty();
    }

    private Optional<Deny> emergencyProfession(Requester requester) {
        return emergencyProfessions.contains(requester.profession()) ? Optional.empty() : deny(Deny.PROFESSION_NOT_FOR_EMERGENCY);
    }

    private static Optional<Deny> breakTheGlass(Instant now, Requester requester, PersonFacts facts) {
        List<EmergencyAccess> own = facts.emergencies().stream().filter(e -> e.userId() == requester.userId()).toList();
        if (own.isEmpty()) {
            return deny(Deny.NO_EMERGENCY_ACCESS);
        }
        return own.stream().anyMatch(e -> e.openAt(now)) ? Optional.empty() : deny(Deny.EMERGENCY_ACCESS_EXPIRED);
    }

    private static Optional<Deny> emergencyMinimum(DataItem item) {
        return item == null || item.category().flag() || DataCategory.EMERGENCY_MINIMUM.contains(item.category())
                ? Optional.empty() : deny(Deny.NOT_IN_EMERGENCY_MINIMUM);
    }

    private static Optional<Deny> viewing(Requester requester) {
        return requester.facilityId() != null && requester.facilityViewing()
                ? Optional.empty() : deny(Deny.FACILITY_NOT_VIEWING);
    }

    /** An active consent for the purpose, covering the item's source (any consent for the person). */
    public static Optional<Deny> consent(PersonFacts facts, Purpose purpose, DataItem item) {
        List<ConsentGrant> given = facts.consents().stream().filter(c -> c.grants(purpose)).toList();
        if (given.isEmpty()) {
            return deny(Deny.NO_CONSENT);
        }
        return item == null || given.stream().anyMatch(c -> c.covers(item.sourceFacilityId(), purpose))
                ? Optional.empty() : deny(Deny.CONSENT_SCOPE_EXCLUDES_SOURCE);
    }

    private Optional<Deny> link(Instant now, Requester requester, PersonFacts facts) {
        List<FacilityLink> own = facts.links().stream().filter(l -> requester.actsFor(l.facilityId())).toList();
        if (own.isEmpty()) {
            return deny(Deny.NOT_LINKED);
        }
        if (own.stream().anyMatch(l -> l.liveAt(now, linkIdlePeriod))) {
            return Optional.empty();
        }
        return own.stream().allMatch(FacilityLink::ended) ? deny(Deny.LINK_ENDED) : deny(Deny.LINK_EXPIRED);
    }

    public static Optional<Deny> deny(String reason) {
        return Optional.of(new Deny(reason));
    }

    public static Decision permitUnless(Optional<Deny> deny, String rule) {
        return deny.isPresent() ? deny.get() : new Permit(rule);
    }
}
