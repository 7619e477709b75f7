package org.musubi.phr.recovery;

import java.time.Instant;
import java.util.List;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.identity.IdentityStore;

/**
 * Pending recoveries nobody confirmed within {@code musubi.phr.recovery-validity} expire: their credentials are wiped
 * and each is one audit row ({@code PHR_RECOVERY_EXPIRE}, naming the person). Pages and confirmations treat one that
 * has passed its time as gone already, so when this runs changes nothing but the record; run on any node, each
 * recovery expires once.
 */
public final class ExpireRecoveries {

    private final AccountRecoveries recoveries;
    private final IdentityStore identities;
    private final Audit audit;
    private final RecoveryRules rules;

    public ExpireRecoveries(AccountRecoveries recoveries, IdentityStore identities, Audit audit, RecoveryRules rules) {
        this.recoveries = recoveries;
        this.identities = identities;
        this.audit = audit;
        this.rules = rules;
    }

    /** How many expired now. */
    public int expire() {
        Instant now = rules.clock().instant();
        return audit.allOrNothing(() -> {
            List<AccountRecoveries.Pending> expired = recoveries.expire(now.minus(rules.validity()), now);
            for (AccountRecoveries.Pending pending : expired) {
                audit.record(AuditEntry.of(AuditAction.PHR_RECOVERY_EXPIRE, Outcome.PERMIT)
                        .on("PhrRecovery", pending.id()).purpose(Purpose.OPERATIONS)
                        .patient(identities.person(pending.personId()).map(p -> p.person().regionalId()).orElse(null))
                        .by(Actor.system("phr-recovery-expiry"))
                        .reason("not confirmed within " + rules.validity().toDays() + " days of " + pending.requestedAt()));
            }
            return expired.size();
        });
    }
}
