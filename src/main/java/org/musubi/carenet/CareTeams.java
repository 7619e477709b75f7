package org.musubi.carenet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.Refused;
import org.musubi.consent.team.CareTeam;
import org.musubi.consent.team.CareTeamMember;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * A patient's care team (在宅医療・介護のチーム) and who is in it. Membership is an access grant (the policy lets a live
 * member see the record for treatment, with the patient's consent), so it is made only from standing — a card-made
 * link, never an automatic match: a team is made by a user whose facility has standing for the person, who joins it
 * first; a member is invited by a live member whose facility has standing; a member leaves, or is removed by such a
 * member. Every change, and every refused attempt, is one audit row naming the person. A team the caller may not
 * change, or no team, is the same refusal ({@link #NOT_FOUND}).
 */
public final class CareTeams {

    public static final String NOT_FOUND = "careTeam.notFound";
    public static final String NO_STANDING = "careTeam.noStanding";
    public static final String NOT_STAFF = "careTeam.notStaff";

    private final Consents consents;
    private final PersonAccess access;
    private final Users users;
    private final IdentityStore identities;
    private final Audit audit;

    public CareTeams(Consents consents, PersonAccess access, Users users, IdentityStore identities, Audit audit) {
        this.consents = consents;
        this.access = access;
        this.users = users;
        this.identities = identities;
        this.audit = audit;
    }

    /** A user acting for a facility (or none). */
    public record Actor(long userId, Long facilityId) {
    }

    /** A team's roles in it: the professions of home care, and the family (through a proxy grant, later). */
    public enum Role { DOCTOR, CO_DOCTOR, VISITING_NURSE, PHARMACIST, CARE_MANAGER, HELPER, THERAPIST, OTHER }

    /**
     * Makes a care team for the person; its maker joins it with {@code role}.
     *
     * @throws Refused {@link #NO_STANDING} when the maker's facility has no standing for the person (or no such person)
     */
    public CareTeam create(Actor by, long personId, String name, Role role) {
        AuditEntry attempt = AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on("CareTeam");
        if (by.facilityId() == null || !access.standing(by.facilityId(), personId)) {
            throw refused(attempt, personId, NO_STANDING);
        }
        return audit.allOrNothing(() -> {
            CareTeam made = consents.createCareTeam(personId, by.facilityId(), blank(name), by.userId());
            consents.addCareTeamMember(made.id(), by.userId(), by.facilityId(), role.name(), by.userId(), null);
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("CareTeam", made.id())
                    .patient(regionalId(personId)).reason("careTeam.created"));
            return made;
        });
    }

    /**
     * Invites a user into the team, for the facility they act for, until {@code until} (null: until they leave).
     *
     * @throws Refused {@link #NOT_FOUND} (no team, or the inviter is not a live member whose facility has standing),
     *     {@link #NOT_STAFF} (the invitee is not an active staff member of a facility)
     */
    public CareTeamMember invite(Actor by, UUID teamId, long userId, Role role, Instant until) {
        AuditEntry attempt = AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on("CareTeamMember", teamId);
        CareTeam team = changeable(by, teamId, attempt);
        User invitee = users.find(userId).filter(User::active).filter(u -> !u.resident())
                .filter(u -> u.actingFacilityId().isPresent())
                .orElseThrow(() -> refused(attempt, team.personId(), NOT_STAFF));
        return audit.allOrNothing(() -> {
            CareTeamMember member = consents.addCareTeamMember(teamId, invitee.id(), invitee.actingFacilityId().get(),
                    role.name(), by.userId(), until);
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on("CareTeamMember", teamId)
                    .patient(regionalId(team.personId())).reason("careTeam.joined user " + invitee.id()));
            return member;
        });
    }

    /**
     * Ends a membership: the member themself, or a live member whose facility has standing.
     *
     * @throws Refused {@link #NOT_FOUND} otherwise, or when the user is no live member
     */
    public void end(Actor by, UUID teamId, long userId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.DELETE, Outcome.DENY).on("CareTeamMember", teamId);
        CareTeam team = by.userId() == userId ? teamOf(teamId, attempt, by) : changeable(by, teamId, attempt);
        boolean ended = audit.allOrNothing(() -> {
            boolean done = consents.endCareTeamMember(teamId, userId, by.userId());
            if (done) {
                audit.record(AuditEntry.of(AuditAction.DELETE, Outcome.PERMIT).on("CareTeamMember", teamId)
                        .patient(regionalId(team.personId())).reason("careTeam.left user " + userId));
            }
            return done;
        });
        if (!ended) {
            throw refused(attempt, team.personId(), NOT_FOUND);
        }
    }

    /** A team and its members (ended ones included), as the patient's care-team page shows them. */
    public record TeamView(CareTeam team, List<CareTeamMember> members) {
    }

    /**
     * The person's teams with their members, for a page that opened the person for {@code by} already (its one audit
     * row covers this); nothing is decided here.
     */
    public List<TeamView> teamsOf(long personId) {
        List<CareTeamMember> members = consents.careTeamMembers(personId);
        return members.stream().map(CareTeamMember::teamId).distinct().map(consents::careTeam)
                .flatMap(Optional::stream)
                .map(t -> new TeamView(t, members.stream().filter(m -> m.teamId().equals(t.id())).toList())).toList();
    }

    /**
     * The person's teams and members for the person themself or their live proxy (self access): one interaction with
     * one audit row naming the person; empty for anyone else, exactly as for no such person.
     */
    public Optional<List<TeamView>> forResident(long userId, long personId) {
        Interaction<List<TeamView>> read = access.interact(userId, Purpose.PATIENT_SELF_ACCESS,
                Reached.person(personId),
                AuditAction.READ, "CareTeam", view -> {
                    List<TeamView> views = teamsOf(personId);
                    return Interaction.permitted(views, view.decision(),
                            views.stream().map(v -> v.team().id().toString()).toList());
                });
        return Optional.ofNullable(read.value());
    }

    /** The teams the user is a live member of now (each names the person it is for, by id only). */
    public List<CareTeam> teamsOfMember(long userId) {
        return consents.liveCareTeamMemberships(userId, Instant.now()).stream().map(CareTeamMember::teamId)
                .distinct().map(consents::careTeam).flatMap(Optional::stream).toList();
    }

    /** The team's members (ended ones included), for a live member of it; empty for anyone else or no team. */
    public Optional<List<CareTeamMember>> members(Actor by, UUID teamId) {
        return consents.careTeam(teamId).filter(t -> liveMember(by, t))
                .map(t -> consents.careTeamMembers(t.personId()).stream().filter(m -> m.teamId().equals(teamId)).toList());
    }

    /**
     * The team, when {@code by} is a live member of it now (joined for the facility they act for, not ended, not past
     * its end). Otherwise {@link #NOT_FOUND}, the one audit row {@code attempt} (naming the person when there is such
     * a team): a guessed team, a team of which the caller was never a member, left, or whose membership ran out answer
     * alike.
     */
    CareTeam liveTeam(Actor by, UUID teamId, AuditEntry attempt) {
        CareTeam team = teamOf(teamId, attempt, by);
        if (!liveMember(by, team)) {
            throw refused(attempt, team.personId(), NOT_FOUND);
        }
        return team;
    }

    /** A team by id (for a caller whose own rows decided already). */
    Optional<CareTeam> team(UUID teamId) {
        return consents.careTeam(teamId);
    }

    /** Whether {@code userId} is a live member of the team now (for the facility they joined for). */
    boolean liveMember(CareTeam team, long userId) {
        Instant now = Instant.now();
        return consents.careTeamMembers(team.personId()).stream().anyMatch(m -> m.teamId().equals(team.id())
                && m.userId() == userId && m.liveAt(now));
    }

    /** The team, when {@code by} is a live member of it whose facility has standing for its person. */
    private CareTeam changeable(Actor by, UUID teamId, AuditEntry attempt) {
        CareTeam team = teamOf(teamId, attempt, by);
        if (!liveMember(by, team) || by.facilityId() == null || !access.standing(by.facilityId(), team.personId())) {
            throw refused(attempt, team.personId(), NOT_FOUND);
        }
        return team;
    }

    private CareTeam teamOf(UUID teamId, AuditEntry attempt, Actor by) {
        Optional<CareTeam> team = teamId == null ? Optional.empty() : consents.careTeam(teamId);
        if (team.isEmpty()) {
            audit.record(attempt.reason(NOT_FOUND));
            throw new Refused(NOT_FOUND);
        }
        return team.get();
    }

    private boolean liveMember(Actor by, CareTeam team) {
        Instant now = Instant.now();
        return consents.careTeamMembers(team.personId()).stream().anyMatch(m -> m.teamId().equals(team.id())
                && m.userId() == by.userId() && by.facilityId() != null && m.facilityId() == by.facilityId()
                && m.liveAt(now));
    }

    /** A refusal of {@code attempt} about the person, audited once. */
    Refused refused(AuditEntry attempt, long personId, String reason) {
        audit.record(attempt.patient(regionalId(personId)).reason(reason));
        return new Refused(reason);
    }

    private String regionalId(long personId) {
        return identities.person(personId).map(p -> p.person().regionalId()).orElse(null);
    }

    private static String blank(String name) {
        return name == null || name.isBlank() ? "在宅ケアチーム" : name.strip();
    }
}
