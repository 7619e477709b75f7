package org.musubi.phr.recovery;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * What a resident is told about re-registrations of their own account, whoever's notebook their session shows (a
 * proxy never sees nor cancels the person they act for's): a pending one, with its time, which they may cancel if it
 * was not them; a confirmed one, what it changed and when, until they dismiss the notice. Cancelling is one audit row
 * ({@code PHR_RECOVERY_CANCEL}, purpose PATIENT_SELF_ACCESS); an id that is not their own pending recovery is refused
 * like one that does not exist.
 */
public final class MyRecovery {

    /** The refusal of an id that is not the resident's own pending recovery. */
    public static final String NOT_YOURS = "phr.recovery.notYours";

    /** What the notebook's home says about the account's re-registrations. */
    public record Notices(Optional<AccountRecoveries.Pending> pending, Optional<AccountRecoveries.Confirmed> confirmed) {

        static final Notices NONE = new Notices(Optional.empty(), Optional.empty());
    }

    private final PersonAccess access;
    private final Users users;
    private final AccountRecoveries recoveries;
    private final RecoveryRules rules;

    public MyRecovery(PersonAccess access, Users users, AccountRecoveries recoveries, RecoveryRules rules) {
        this.access = access;
        this.users = users;
        this.recoveries = recoveries;
        this.rules = rules;
    }

    public Notices of(long userId) {
        return ownPerson(userId).map(personId -> new Notices(recoveries.pending(personId, rules.liveSince()),
                recoveries.undismissed(personId))).orElse(Notices.NONE);
    }

    /** Cancels the resident's own pending recovery; false (audited) for anything else. */
    public boolean cancel(long userId, long recoveryId) {
        long personId = ownPerson(userId).orElseThrow(() -> new IllegalArgumentException("not a resident: " + userId));
        List<String> ids = List.of(String.valueOf(recoveryId));
        return access.interact(userId, Purpose.PATIENT_SELF_ACCESS, Reached.person(personId),
                AuditAction.PHR_RECOVERY_CANCEL,
                "PhrRecovery", view -> recoveries.settle(personId, recoveryId, RecoveryState.CANCELLED, Desk.RESIDENT,
                        userId, rules.clock().instant())
                        ? Interaction.permitted(true, view.decision(), ids)
                        : Interaction.refused(new Deny(NOT_YOURS), ids)).permitted();
    }

    /**
     * Whether the resident may be asked to confirm cancelling {@code recoveryId}: their own pending recovery (nothing
     * changes, nothing is written); anything else is refused and audited exactly as {@link #cancel} refuses it.
     */
    public boolean mayCancel(long userId, long recoveryId) {
        long personId = ownPerson(userId).orElseThrow(() -> new IllegalArgumentException("not a resident: " + userId));
        if (recoveries.pending(personId, rules.liveSince()).filter(p -> p.id() == recoveryId).isPresent()) {
            return true;
        }
        List<String> ids = List.of(String.valueOf(recoveryId));
        return access.interact(userId, Purpose.PATIENT_SELF_ACCESS, Reached.person(personId),
                AuditAction.PHR_RECOVERY_CANCEL,
                "PhrRecovery", view -> Interaction.<Boolean>refused(new Deny(NOT_YOURS), ids)).permitted();
    }

    /** The resident read what a confirmed recovery changed; false when there is no such notice of theirs. */
    public boolean dismiss(long userId, long recoveryId) {
        return ownPerson(userId).map(personId -> recoveries.dismiss(personId, recoveryId, rules.clock().instant()))
                .orElse(false);
    }

    private Optional<Long> ownPerson(long userId) {
        return users.find(userId).filter(User::resident).map(User::personId);
    }
}
