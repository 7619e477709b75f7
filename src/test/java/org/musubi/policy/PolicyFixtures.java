package org.musubi.policy;

import static org.musubi.audit.Purpose.EMERGENCY;
import static org.musubi.audit.Purpose.TREATMENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.audit.Purpose;
import org.musubi.policy.matrix.ProfessionMatrix;
import org.musubi.registry.Profession;

/**
 * The vocabulary of the policy tables. Facilities: A (1) is the hospital that issued the disclosure
 * card, B (2) a viewing clinic linked to the person, C (3) a viewing facility not linked. The person
 * is 100; staff requesters are user 7, the patient's own account is user 50.
 */
final class PolicyFixtures {

    static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration IDLE = AccessPolicy.DEFAULT_LINK_IDLE_PERIOD;
    static final long PERSON = 100;
    static final long STAFF_USER = 7;
    /** A resident (another person) whom the person may make their proxy (代理人). */
    static final long PROXY_USER = 52;
    static final Map<String, Long> FACILITIES = Map.of("A", 1L, "B", 2L, "C", 3L);

    private static final Set<Purpose> BOTH = Set.of(TREATMENT, EMERGENCY);
    private static final ConsentGrant ALL = new ConsentGrant(1, ConsentGrant.Scope.ALL_FACILITIES, null, BOTH, true);
    private static final ConsentGrant WITHDRAWN = new ConsentGrant(2, ConsentGrant.Scope.ALL_FACILITIES, null, BOTH, false);
    private static final ConsentGrant TREATMENT_ONLY =
            new ConsentGrant(3, ConsentGrant.Scope.ALL_FACILITIES, null, Set.of(TREATMENT), true);
    private static final ConsentGrant EMERGENCY_ONLY =
            new ConsentGrant(4, ConsentGrant.Scope.ALL_FACILITIES, null, Set.of(EMERGENCY), true);
    private static final ConsentGrant CARD_A = new ConsentGrant(5, ConsentGrant.Scope.ONE_FACILITY, 1L, BOTH, true);
    private static final ConsentGrant CARD_A_WITHDRAWN =
            new ConsentGrant(6, ConsentGrant.Scope.ONE_FACILITY, 1L, BOTH, false);

    private static final FacilityLink B_LINKED = new FacilityLink(2, NOW.minus(Duration.ofDays(10)), false);
    private static final FacilityLink B_ENDED = new FacilityLink(2, NOW.minus(Duration.ofDays(1)), true);
    private static final FacilityLink B_AT_IDLE_LIMIT = new FacilityLink(2, NOW.minus(IDLE), false);
    private static final FacilityLink B_PAST_IDLE_LIMIT =
            new FacilityLink(2, NOW.minus(IDLE).minusSeconds(1), false);
    private static final FacilityLink C_LINKED = new FacilityLink(3, NOW.minus(Duration.ofDays(10)), false);

    private static final EmergencyAccess GLASS = glass(STAFF_USER, NOW.plus(Duration.ofHours(4)));

    /** Named person facts; every name is a state of the world one table row can pick. */
    static final Map<String, PersonFacts> FACTS = new LinkedHashMap<>();

    static {
        facts("consented", List.of(ALL), List.of(B_LINKED), Set.of(), List.of());
        facts("noConsent", List.of(), List.of(B_LINKED), Set.of(), List.of());
        facts("withdrawn", List.of(WITHDRAWN), List.of(B_LINKED), Set.of(), List.of());
        facts("treatmentOnlyConsent", List.of(TREATMENT_ONLY), List.of(B_LINKED), Set.of(), List.of());
        facts("emergencyOnlyConsent", List.of(EMERGENCY_ONLY), List.of(B_LINKED), Set.of(), List.of());
        facts("disclosureCardA", List.of(CARD_A), List.of(B_LINKED), Set.of(), List.of());
        facts("disclosureCardAWithdrawn", List.of(CARD_A_WITHDRAWN), List.of(B_LINKED), Set.of(), List.of());
        facts("noLink", List.of(ALL), List.of(), Set.of(), List.of());
        facts("linkedElsewhere", List.of(ALL), List.of(C_LINKED), Set.of(), List.of());
        facts("linkEnded", List.of(ALL), List.of(B_ENDED), Set.of(), List.of());
        facts("linkAtIdleLimit", List.of(ALL), List.of(B_AT_IDLE_LIMIT), Set.of(), List.of());
        facts("linkPastIdleLimit", List.of(ALL), List.of(B_PAST_IDLE_LIMIT), Set.of(), List.of());
        facts("linkEndedAndExpired", List.of(ALL), List.of(B_ENDED, B_PAST_IDLE_LIMIT), Set.of(), List.of());
        facts("relinkedAfterEnd", List.of(ALL), List.of(B_ENDED, B_LINKED), Set.of(), List.of());
        facts("blockedB", List.of(ALL), List.of(B_LINKED), Set.of(2L), List.of());
        facts("blockedC", List.of(ALL), List.of(B_LINKED), Set.of(3L), List.of());
        facts("breakGlass", List.of(ALL), List.of(B_LINKED), Set.of(), List.of(GLASS));
        facts("breakGlassOtherUser", List.of(ALL), List.of(B_LINKED), Set.of(),
                List.of(glass(STAFF_USER + 1, NOW.plus(Duration.ofHours(4)))));
        facts("breakGlassExpiresNow", List.of(ALL), List.of(), Set.of(), List.of(glass(STAFF_USER, NOW)));
        facts("breakGlassExpiresInOneSecond", List.of(ALL), List.of(), Set.of(),
                List.of(glass(STAFF_USER, NOW.plusSeconds(1))));
        facts("breakGlassReopened", List.of(ALL), List.of(), Set.of(),
                List.of(glass(STAFF_USER, NOW.minus(Duration.ofHours(1))), GLASS));
        facts("breakGlassNoConsent", List.of(), List.of(), Set.of(), List.of(GLASS));
        facts("breakGlassTreatmentOnly", List.of(TREATMENT_ONLY), List.of(), Set.of(), List.of(GLASS));
        facts("breakGlassWithdrawn", List.of(WITHDRAWN), List.of(), Set.of(), List.of(GLASS));
        facts("breakGlassDisclosureCardA", List.of(CARD_A), List.of(), Set.of(), List.of(GLASS));
        facts("breakGlassBlockedB", List.of(ALL), List.of(B_LINKED), Set.of(2L), List.of(GLASS));
        FACTS.put("proxyLive", proxied(new PersonFacts.ProxyAccess(PROXY_USER, NOW.plus(Duration.ofDays(30)), false)));
        FACTS.put("proxyEndsNow", proxied(new PersonFacts.ProxyAccess(PROXY_USER, NOW, false)));
        FACTS.put("proxyRevoked", proxied(new PersonFacts.ProxyAccess(PROXY_USER, NOW.plus(Duration.ofDays(30)), true)));
        FACTS.put("proxyForStaff", proxied(new PersonFacts.ProxyAccess(STAFF_USER, NOW.plus(Duration.ofDays(30)), false)));
        FACTS.put("breakGlassInDisasterArea", new PersonFacts(PERSON, List.of(ALL), List.of(), Set.of(), List.of(GLASS),
                Set.of(), List.of(), true));
        FACTS.put("breakGlassInAreaNoConsent", new PersonFacts(PERSON, List.of(TREATMENT_ONLY), List.of(), Set.of(),
                List.of(GLASS), Set.of(), List.of(), true));
        FACTS.put("inDisasterArea", new PersonFacts(PERSON, List.of(ALL), List.of(), Set.of(), List.of(), Set.of(),
                List.of(), true));
        FACTS.put("sourceA", new PersonFacts(PERSON, List.of(ALL), List.of(B_LINKED), Set.of(), List.of(), Set.of(1L)));
        FACTS.put("sourceANoConsent", new PersonFacts(PERSON, List.of(), List.of(), Set.of(), List.of(), Set.of(1L)));
        FACTS.put("sourceABlockedA", new PersonFacts(PERSON, List.of(ALL), List.of(B_LINKED), Set.of(1L), List.of(),
                Set.of(1L)));
        FACTS.put("sourceAB", new PersonFacts(PERSON, List.of(ALL), List.of(B_LINKED), Set.of(), List.of(),
                Set.of(1L, 2L)));
        PersonFacts.TeamMembership teamC = new PersonFacts.TeamMembership(STAFF_USER, 3, null, false);
        FACTS.put("careTeamC", new PersonFacts(PERSON, List.of(ALL), List.of(), Set.of(), List.of(), Set.of(1L),
                List.of(), false, List.of(teamC)));
        FACTS.put("careTeamCEnded", new PersonFacts(PERSON, List.of(ALL), List.of(), Set.of(), List.of(), Set.of(1L),
                List.of(), false, List.of(new PersonFacts.TeamMembership(STAFF_USER, 3, null, true))));
        FACTS.put("careTeamCWithdrawn", new PersonFacts(PERSON, List.of(WITHDRAWN), List.of(), Set.of(), List.of(),
                Set.of(1L), List.of(), false, List.of(teamC)));
        FacilityLink aLinked = new FacilityLink(1, NOW.minus(Duration.ofDays(10)), false);
        FACTS.put("sourceALinkedNoConsent", new PersonFacts(PERSON, List.of(), List.of(aLinked), Set.of(), List.of(),
                Set.of(1L)));
        FACTS.put("sourceALinkEnded", new PersonFacts(PERSON, List.of(ALL),
                List.of(new FacilityLink(1, NOW.minus(Duration.ofDays(1)), true)), Set.of(), List.of(), Set.of(1L)));
        FACTS.put("sourceALinkExpired", new PersonFacts(PERSON, List.of(),
                List.of(new FacilityLink(1, NOW.minus(IDLE).minusSeconds(1), false)), Set.of(), List.of(), Set.of(1L)));
    }

    private PolicyFixtures() {
    }

    private static PersonFacts proxied(PersonFacts.ProxyAccess proxy) {
        return new PersonFacts(PERSON, List.of(ALL), List.of(B_LINKED), Set.of(), List.of(), Set.of(1L), List.of(proxy));
    }

    static AccessPolicy policy() {
        return new AccessPolicy(ProfessionMatrix.defaults(), IDLE, CLOCK);
    }

    static PersonFacts facts(String name) {
        PersonFacts facts = FACTS.get(name);
        if (facts == null) {
            throw new IllegalArgumentException("no facts named " + name);
        }
        return facts;
    }

    /**
     * {@code patient} (the person themself), {@code otherPatient}, or {@code PROFESSION@F} with F one
     * of A, B, C or {@code -} (no facility); then flags: {@code disabled}, {@code suspended},
     * {@code nonViewing}, {@code admin}, {@code responder} (its facility is a designated disaster responder).
     */
    static Requester requester(String spec) {
        List<String> words = new ArrayList<>(Arrays.asList(spec.trim().split("\\s+")));
        String who = words.removeFirst();
        boolean active = !words.remove("disabled");
        boolean facilityActive = !words.remove("suspended");
        boolean viewing = !words.remove("nonViewing");
        boolean admin = words.remove("admin");
        boolean responder = words.remove("responder");
        if (!words.isEmpty()) {
            throw new IllegalArgumentException("unknown requester flags " + words + " in " + spec);
        }
        return switch (who) {
            case "patient" -> new Requester(50, active, null, facilityActive, false, null, false, PERSON);
            case "otherPatient" -> new Requester(51, active, null, facilityActive, false, null, false, PERSON + 1);
            case "proxy" -> new Requester(PROXY_USER, active, null, facilityActive, false, Profession.RESIDENT, false,
                    PERSON + 2);
            default -> {
                String[] at = who.split("@");
                Long facility = at[1].equals("-") ? null : FACILITIES.get(at[1]);
                yield new Requester(STAFF_USER, active, facility, facilityActive, viewing,
                        Profession.valueOf(at[0]), admin, null, responder);
            }
        };
    }

    /** {@code A:LAB_RESULTS}: source facility and category. */
    static DataItem item(String spec) {
        String[] parts = spec.trim().split(":");
        return new DataItem(FACILITIES.get(parts[0]), DataCategory.valueOf(parts[1]));
    }

    /** {@code -} for no purpose. */
    static Purpose purpose(String name) {
        return name.equals("-") ? null : Purpose.valueOf(name);
    }

    /** {@code permit ownFacilityData} or {@code deny noConsent}: the key without its prefix. */
    static Decision decision(String spec) {
        String[] parts = spec.trim().split("\\s+");
        return switch (parts[0]) {
            case "permit" -> new Permit("policy.permit." + parts[1]);
            case "deny" -> new Deny("policy.deny." + parts[1]);
            default -> throw new IllegalArgumentException("expected permit or deny: " + spec);
        };
    }

    private static void facts(String name, List<ConsentGrant> consents, List<FacilityLink> links,
            Set<Long> blocked, List<EmergencyAccess> emergencies) {
        FACTS.put(name, new PersonFacts(PERSON, consents, links, blocked, emergencies));
    }

    private static EmergencyAccess glass(long user, Instant expiresAt) {
        return new EmergencyAccess(user, expiresAt, "意識障害で救急搬送");
    }
}
