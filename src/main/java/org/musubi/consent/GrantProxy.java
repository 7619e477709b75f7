package org.musubi.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.identity.RegisteredPerson;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Appointing and revoking a proxy (代理人) for a person's health notebook: the person themself from their notebook, or
 * the operator on the person's page. The proxy is another resident's notebook account (a family member registers
 * their own first), named by its login id, until an end date (at most {@link #MAX_YEARS} years ahead). While live,
 * the policy's self access lets the proxy see the person's notebook; every row the proxy leaves names them as actor
 * and the person as patient. Each change is one audit row; a resident's refused attempt too.
 */
public final class GrantProxy {

    public static final int MAX_YEARS = 5;
    public static final String UNKNOWN_ACCOUNT = "proxy.unknownAccount";
    public static final String BAD_END = "proxy.badEnd";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Consents consents;
    private final Users users;
    private final SharingChanges changes;
    private final Clock clock;

    GrantProxy(Consents consents, Users users, SharingChanges changes, Clock clock) {
        this.consents = consents;
        this.users = users;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * @throws Refused {@link ChangedBy#NOT_FOUND} (a resident naming another person), {@link #UNKNOWN_ACCOUNT} (no
     *     active resident account with this login id, or the person's own), {@link #BAD_END} (not after today or too far)
     */
    public ProxyGrant grant(ChangedBy by, long personId, String proxyLoginId, LocalDate until) {
        AuditEntry attempt = AuditEntry.of(AuditAction.PROXY_GRANT, Outcome.DENY).on("ProxyGrant");
        RegisteredPerson person = changes.person(by, personId, attempt);
        User proxy = users.findByLoginId(proxyLoginId).filter(User::resident).filter(User::active)
                .filter(u -> u.personId() != personId)
                .orElseThrow(() -> changes.refused(by, person, attempt, UNKNOWN_ACCOUNT));
        LocalDate today = LocalDate.now(clock.withZone(JAPAN));
        if (until == null || !until.isAfter(today) || until.isAfter(today.plusYears(MAX_YEARS))) {
            throw changes.refused(by, person, attempt, BAD_END);
        }
        Instant end = until.plusDays(1).atStartOfDay(JAPAN).toInstant();
        ProxyGrant grant = consents.grantProxy(personId, proxy.id(), by.userId(), end);
        changes.changed(by, person, AuditEntry.of(AuditAction.PROXY_GRANT, Outcome.PERMIT).on("ProxyGrant", grant.id())
                .reason("proxy user " + proxy.id() + " until " + until));
        return grant;
    }

    /** @throws Refused {@link ChangedBy#NOT_FOUND} for a resident naming what is not theirs or no live grant */
    public void revoke(ChangedBy by, long personId, long grantId) {
        AuditEntry attempt = AuditEntry.of(AuditAction.PROXY_REVOKE, Outcome.DENY).on("ProxyGrant", grantId);
        RegisteredPerson person = changes.person(by, personId, attempt);
        if (!consents.revokeProxy(personId, grantId, by.userId())) {
            throw changes.notFound(by, person, attempt, "proxy.unknownGrant");
        }
        changes.changed(by, person, AuditEntry.of(AuditAction.PROXY_REVOKE, Outcome.PERMIT).on("ProxyGrant", grantId));
    }
}
