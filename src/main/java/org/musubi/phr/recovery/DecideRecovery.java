package org.musubi.phr.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.policy.Deny;
import org.musubi.policy.Interaction;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.PersonAccess.Reached;
import org.musubi.policy.PersonView;

/**
 * Staff confirm or refuse a person's pending recovery: at the counter of a facility that opens the person through a
 * consented, live link, with the check code printed on the person's card, or at the network office. Confirming puts
 * the new login id, password and authenticator in place and closes every other way into the account
 * ({@link ApplyRecovery}); refusing discards them. Whoever may not decide it, and a recovery that is not pending,
 * get the answer of a person that does not exist. Each attempt is one audit row ({@code PHR_RECOVERY_CONFIRM} or
 * {@code PHR_RECOVERY_REFUSE}, purpose TREATMENT at the counter, OPERATIONS at the office), all or nothing with what
 * it changed.
 */
public final class DecideRecovery {

    /** Confirm the recovery, or refuse (discard) it. */
    public enum Verdict {
        CONFIRM(AuditAction.PHR_RECOVERY_CONFIRM), REFUSE(AuditAction.PHR_RECOVERY_REFUSE);

        private final AuditAction action;

        Verdict(AuditAction action) {
            this.action = action;
        }
    }

    /** How a decision ended; everything but {@code DONE} changed nothing. */
    public enum Outcome { DONE, NOT_FOUND, CARD_NOT_PROVED, LOGIN_ID_TAKEN }

    /** The audit reasons of the refusals this use case adds to the policy's. */
    public static final String NO_STANDING = "phr.recovery.noStanding";
    public static final String NOT_PENDING = "phr.recovery.notPending";
    public static final String CARD_NOT_PROVED = "phr.recovery.cardNotProved";
    public static final String LOGIN_ID_TAKEN = "phr.recovery.loginIdTaken";

    private final PersonAccess access;
    private final AccountRecoveries recoveries;
    private final ApplyRecovery apply;
    private final CardAtHand card;
    private final Audit audit;
    private final RecoveryRules rules;

    public DecideRecovery(PersonAccess access, AccountRecoveries recoveries, ApplyRecovery apply, CardAtHand card,
                          Audit audit, RecoveryRules rules) {
        this.access = access;
        this.recoveries = recoveries;
        this.apply = apply;
        this.card = card;
        this.audit = audit;
        this.rules = rules;
    }

    /**
     * The person's pending recovery as a desk's page shows it, for staff who opened the person with this decision (the
     * page's own audited read); empty for those who may not decide it.
     */
    public Optional<AccountRecoveries.Pending> shownAt(Desk desk, String decisionKey, long personId) {
        return desk.decides(decisionKey) ? recoveries.pending(personId, rules.liveSince()) : Optional.empty();
    }

    /** {@code checkCode}: what counter staff typed from the person's card (the office needs none). */
    public Outcome decide(long userId, Desk desk, long personId, long recoveryId, Verdict verdict, String checkCode) {
        if (desk != Desk.COUNTER && desk != Desk.OFFICE) {
            throw new IllegalArgumentException("staff decide at the counter or the office, not " + desk);
        }
        Interaction<Outcome> done = audit.allOrNothing(() -> access.interact(userId, desk.purpose(),
                Reached.person(personId),
                verdict.action, "PhrRecovery", view -> decided(view, userId, desk, recoveryId, verdict, checkCode)));
        if (done.permitted()) {
            return Outcome.DONE;
        }
        return switch (done.decision().key()) {
            case CARD_NOT_PROVED -> Outcome.CARD_NOT_PROVED;
            case LOGIN_ID_TAKEN -> Outcome.LOGIN_ID_TAKEN;
            default -> Outcome.NOT_FOUND;
        };
    }

    private Interaction<Outcome> decided(PersonView view, long userId, Desk desk, long recoveryId, Verdict verdict,
                                         String checkCode) {
        List<String> ids = List.of(String.valueOf(recoveryId));
        if (!desk.decides(view.decision().key()) || desk == Desk.COUNTER && !view.actAsHolder().permitted()) {
            return Interaction.refused(new Deny(NO_STANDING), ids);
        }
        long personId = view.person().id();
        Optional<AccountRecoveries.Held> held = recoveries.hold(personId, recoveryId, rules.liveSince());
        if (held.isEmpty()) {
            return Interaction.refused(new Deny(NOT_PENDING), ids);
        }
        if (desk == Desk.COUNTER && !card.proves(userId, personId, checkCode)) {
            return Interaction.refused(new Deny(CARD_NOT_PROVED), ids);
        }
        Instant now = rules.clock().instant();
        if (verdict == Verdict.REFUSE) {
            recoveries.settle(personId, recoveryId, RecoveryState.REFUSED, desk, userId, now);
            return Interaction.permitted(Outcome.DONE, view.decision(), ids);
        }
        String regionalId = view.person().person().regionalId();
        return apply.confirm(held.get(), desk, userId, regionalId, now).isPresent()
                ? Interaction.permitted(Outcome.DONE, view.decision(), ids)
                : Interaction.refused(new Deny(LOGIN_ID_TAKEN), ids);
    }
}
