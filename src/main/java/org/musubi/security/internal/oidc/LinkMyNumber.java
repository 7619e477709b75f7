package org.musubi.security.internal.oidc;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.springframework.stereotype.Component;

/**
 * Links a signed-in resident's account to the subject a provider just proved, or removes a link (the resident
 * themself, or the operator on the person's page). A subject linked to another account is refused, and so is a
 * second subject of the same provider for one account. Every change and refusal is one audit row.
 */
@Component
class LinkMyNumber {

    /** What became of a link request. */
    enum Result { LINKED, ALREADY_LINKED, SUBJECT_TAKEN, ACCOUNT_TAKEN }

    private final OidcLinks links;
    private final Users users;
    private final Audit audit;

    LinkMyNumber(OidcLinks links, Users users, Audit audit) {
        this.links = links;
        this.users = users;
        this.audit = audit;
    }

    Result link(RoundTrip.Verified verified, long userId) {
        String provider = verified.provider().id();
        Optional<OidcLinks.Link> existing = links.bySubject(provider, verified.subject());
        Result outcome;
        if (existing.isPresent()) {
            outcome = existing.get().userId() == userId ? Result.ALREADY_LINKED : Result.SUBJECT_TAKEN;
        } else if (links.add(provider, verified.subject(), userId, userId)) {
            outcome = Result.LINKED;
        } else {
            outcome = links.bySubject(provider, verified.subject()).isPresent() ? Result.SUBJECT_TAKEN
                    : Result.ACCOUNT_TAKEN;
        }
        String reason = "provider " + provider + ", " + OidcSessions.fingerprint(verified) + switch (outcome) {
            case LINKED -> ": linked by the resident";
            case ALREADY_LINKED -> ": already linked to this account";
            case SUBJECT_TAKEN -> ": linked to another account";
            case ACCOUNT_TAKEN -> ": this account is linked to another subject of the provider";
        };
        audit.record(AuditEntry.of(AuditAction.OIDC_LINK, outcome == Result.LINKED || outcome == Result.ALREADY_LINKED
                ? Outcome.PERMIT : Outcome.DENY).on("User", userId).reason(reason));
        return outcome;
    }

    /** A round trip to link that did not prove anyone. */
    void refused(String providerId, long userId, String reason) {
        audit.record(AuditEntry.of(AuditAction.OIDC_LINK, Outcome.DENY).on("User", userId)
                .reason("provider " + providerId + ": " + reason));
    }

    /** Whether the resident has a link of that id (to ask before removing it). */
    boolean owns(long userId, long linkId) {
        return links.ofUser(userId).stream().anyMatch(link -> link.id() == linkId);
    }

    /** The resident removes one of their links; false when they have no link of that id. */
    boolean unlink(long userId, long linkId) {
        return links.remove(userId, linkId).map(removed -> {
            audit.record(AuditEntry.of(AuditAction.OIDC_UNLINK, Outcome.PERMIT).on("User", userId)
                    .reason("provider " + removed.provider() + ": removed by the resident"));
            return true;
        }).orElse(false);
    }

    /** The resident account of a person and its links (for the operator's person page); empty when none. */
    List<OidcLinks.Link> ofPerson(long personId) {
        return users.residentOf(personId).map(u -> links.ofUser(u.id())).orElse(List.of());
    }

    /** The operator removes a link of the person's account; false when the person's account has none of that id. */
    boolean removeByOperator(long personId, long linkId) {
        Optional<User> resident = users.residentOf(personId);
        Optional<OidcLinks.Link> removed = resident.flatMap(u -> links.remove(u.id(), linkId));
        removed.ifPresent(link -> audit.record(AuditEntry.of(AuditAction.OIDC_UNLINK, Outcome.PERMIT)
                .on("User", link.userId()).reason("provider " + link.provider() + ": removed by the operator")));
        return removed.isPresent();
    }
}
