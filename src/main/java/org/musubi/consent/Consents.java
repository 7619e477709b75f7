package org.musubi.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.audit.Purpose;
import org.musubi.consent.team.CareTeam;
import org.musubi.consent.team.CareTeamMember;

/**
 * Everything the access policy needs to know about a person's sharing choices, always read fresh:
 * a withdrawal or a link's end counts from the very next request.
 */
public interface Consents {

    List<Consent> of(long personId);

    Consent grant(long personId, ConsentScope scope, Long scopeFacilityId, Set<Purpose> purposes, long userId,
                  Long facilityId);

    /** Withdraws the consent; returns false when it was not active. */
    boolean withdraw(long consentId, long userId);

    List<PatientLink> links(long personId);

    PatientLink link(long personId, long facilityId, long userId);

    /** The facility's open links (its linked patients), newest link first. */
    List<PatientLink> openLinks(long facilityId);

    /** Ends the facility's open link to the person; returns false when there was none. */
    boolean endLink(long personId, long facilityId, long userId);

    /** Records that the facility used its link now (links expire after an idle period). */
    void touchLink(long personId, long facilityId, Instant now);

    Set<Long> blockedFacilities(long personId);

    void block(long personId, long facilityId, long userId);

    void unblock(long personId, long facilityId);

    List<EmergencyAccess> emergencies(long personId);

    EmergencyAccess openEmergency(long personId, long userId, String reason, Instant expiresAt);

    /**
     * Opens an emergency access as {@code opening} says; with {@link EmergencyAccess.Opening#endOthers} it first ends
     * the user's other open accesses, in the same transaction (one person at a time).
     */
    EmergencyAccess openEmergency(EmergencyAccess.Opening opening);

    /** One emergency access, by id. */
    Optional<EmergencyAccess> emergency(long emergencyId);

    /** The accesses this user opened that are still open at {@code now}, newest first. */
    List<EmergencyAccess> openEmergenciesOf(long userId, Instant now);

    /** Emergency accesses no network admin has reviewed yet, oldest first. */
    List<EmergencyAccess> unreviewedEmergencies(int limit);

    /** How many break-the-glass accesses no administrator has reviewed yet (the administrators' alert). */
    long countUnreviewedEmergencies();

    /** Records a network admin's review; returns false when it was already reviewed. */
    boolean reviewEmergency(long emergencyId, long userId, String note);

    /** Records a network admin's review with its outcome; returns false when it was already reviewed. */
    boolean reviewEmergency(long emergencyId, long userId, EmergencyAccess.ReviewOutcome outcome, String note);

    /**
     * Names the hand-over an emergency access of kind HANDOVER was opened from, when it names none yet: an access
     * recreated from a standby's audit spool, whose hand-over is made again on the primary by the same merge. Returns
     * false when the access is not such an access (or names one already).
     */
    boolean attachHandOver(long emergencyId, long handOverId);

    /** How many accesses no administrator has reviewed although opened before {@code openedBefore}. */
    long countUnreviewedEmergencies(Instant openedBefore);

    /**
     * What the access policy decides on for one person, read together (the database answers them in one round trip):
     * the consents, the facility links, the blocked facilities and the emergency accesses.
     */
    default Standing standing(long personId) {
        return new Standing(of(personId), links(personId), blockedFacilities(personId), emergencies(personId),
                proxies(personId), careTeamMembers(personId));
    }

    /** A person's care-team memberships (ended ones included), oldest first. */
    List<CareTeamMember> careTeamMembers(long personId);

    /** The care-team memberships of a user that are live at {@code now}. */
    List<CareTeamMember> liveCareTeamMemberships(long userId, Instant now);

    /** A new care team of the person, made by {@code createdBy} for {@code facilityId}. */
    CareTeam createCareTeam(long personId, long facilityId, String name, long createdBy);

    Optional<CareTeam> careTeam(UUID teamId);

    /** Adds (or renews) a member; a member who left joins again with a new row's values. */
    CareTeamMember addCareTeamMember(UUID teamId, long userId, long facilityId, String role, long invitedBy,
                                     Instant validUntil);

    /** Ends a live membership; false when there is none. */
    boolean endCareTeamMember(UUID teamId, long userId, long endedBy);

    /** A person's proxy grants (revoked and ended ones included), oldest first. */
    List<ProxyGrant> proxies(long personId);

    /** The live grants that let this user act for others, with whom, at {@code now}. */
    List<ProxyGrant> grantsTo(long proxyUserId, Instant now);

    ProxyGrant grantProxy(long personId, long proxyUserId, long grantedBy, Instant validTo);

    /** Revokes the person's grant; false when it is not the person's or was revoked already. */
    boolean revokeProxy(long personId, long grantId, long userId);

    /**
     * A person's consents, facility links, blocked facilities, emergency accesses and proxies, as {@link #standing}
     * read them.
     */
    record Standing(List<Consent> consents, List<PatientLink> links, Set<Long> blocked,
                    List<EmergencyAccess> emergencies, List<ProxyGrant> proxies, List<CareTeamMember> teamMembers) {

        public Standing {
            consents = List.copyOf(consents);
            links = List.copyOf(links);
            blocked = Set.copyOf(blocked);
            emergencies = List.copyOf(emergencies);
            proxies = List.copyOf(proxies);
            teamMembers = List.copyOf(teamMembers);
        }

        public Standing(List<Consent> consents, List<PatientLink> links, Set<Long> blocked,
                        List<EmergencyAccess> emergencies, List<ProxyGrant> proxies) {
            this(consents, links, blocked, emergencies, proxies, List.of());
        }
    }
}
