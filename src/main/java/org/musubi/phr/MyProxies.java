package org.musubi.phr;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.consent.ProxyGrant;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * 代理人: the proxies a resident appointed (one audited self-access read of their own sharing choices), and the persons
 * a resident may act for as proxy (their own live grants), with the name each one's notebook account shows.
 */
public final class MyProxies {

    /** A grant with the name of the other party's notebook account ({@code null} if that person has none). */
    public record Shown(ProxyGrant grant, String name, boolean live) {
    }

    private final PersonAccess access;
    private final Consents consents;
    private final Users users;
    private final Clock clock;

    public MyProxies(PersonAccess access, Consents consents, Users users, Clock clock) {
        this.access = access;
        this.consents = consents;
        this.users = users;
        this.clock = clock;
    }

    /** The proxies the person appointed, newest first; empty when the user is not this person. */
    public Optional<List<Shown>> appointed(long userId, long personId) {
        Interaction<List<Shown>> read = access.interact(userId, Purpose.PATIENT_SELF_ACCESS, Reached.person(personId),
                AuditAction.READ,
                "ProxyGrant", view -> {
                    List<ProxyGrant> grants = consents.proxies(personId);
                    List<Shown> shown = grants.reversed().stream().map(g -> new Shown(g,
                            users.find(g.proxyUserId()).map(User::nameKanji).orElse(null),
                            g.liveAt(clock.instant()))).toList();
                    return Interaction.permitted(shown, view.decision(),
                            grants.stream().map(g -> String.valueOf(g.id())).toList());
                });
        return Optional.ofNullable(read.value());
    }

    /** The persons this resident may act for now, as proxy. */
    public List<Shown> actingFor(long userId) {
        return consents.grantsTo(userId, clock.instant()).stream().map(g -> new Shown(g,
                users.residentOf(g.personId()).map(User::nameKanji).orElse(null), true)).toList();
    }

    /** Whether this resident may act for this person now. */
    public boolean mayActFor(long userId, long personId) {
        return consents.grantsTo(userId, clock.instant()).stream().anyMatch(g -> g.personId() == personId);
    }
}
