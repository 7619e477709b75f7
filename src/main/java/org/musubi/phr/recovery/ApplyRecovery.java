package org.musubi.phr.recovery;

import java.time.Instant;
import java.util.Optional;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ResidentCredentials;

/**
 * What confirming a pending recovery changes, inside the confirmation's transaction: the account gets the new login id
 * (unless someone else took it meanwhile: then nothing changes), the new password and authenticator; its passkeys,
 * card links and apps are removed and its sessions ended; the recovery is recorded confirmed with what was removed.
 */
final class ApplyRecovery {

    private final Users users;
    private final ResidentCredentials credentials;
    private final AccountRecoveries recoveries;

    public ApplyRecovery(Users users, ResidentCredentials credentials, AccountRecoveries recoveries) {
        this.users = users;
        this.credentials = credentials;
        this.recoveries = recoveries;
    }

    /** What was removed; empty (nothing changed) when another account now has the login id. */
    Optional<ResidentCredentials.Removed> confirm(AccountRecoveries.Held held, Desk desk, long decidedBy,
                                                  String regionalId, Instant at) {
        AccountRecoveries.Pending pending = held.pending();
        if (users.findByLoginId(pending.loginId()).filter(u -> u.id() != pending.userId()).isPresent()) {
            return Optional.empty();
        }
        User account = users.saveResident(pending.personId(), pending.loginId(), held.nameKanji(), held.nameKana());
        ResidentCredentials.Removed removed = credentials.replace(account.id(), held.replacement(), regionalId);
        if (!recoveries.confirm(pending.personId(), pending.id(), desk, decidedBy, removed, at)) {
            throw new IllegalStateException("recovery " + pending.id() + " was decided meanwhile");
        }
        return Optional.of(removed);
    }
}
