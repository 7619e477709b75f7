package org.musubi.security.internal.account;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a login changes, kept in memory while Musubi runs on a read-only standby (where the database takes no write):
 * the last accepted TOTP step (so a code is still never accepted twice), used recovery codes, failed attempts and
 * locks. Laid over the replicated credential on every read; forgotten at restart (the replicated state, which is
 * never older than the primary's at the failover, then applies again; a promoted standby writes as usual).
 */
final class StandbyCredentials {

    private final Map<Long, State> states = new ConcurrentHashMap<>();
    private final Set<String> usedRecoveryCodes = ConcurrentHashMap.newKeySet();

    private record State(long lastStep, int failures, Instant lockedUntil, boolean reset) {

        static final State NONE = new State(-1, 0, null, false);
    }

    /** {@code stored} as it stands after the logins served on this standby. */
    Credential over(Credential stored) {
        State state = states.get(stored.userId());
        if (state == null) {
            return stored;
        }
        int failures = (state.reset() ? 0 : stored.failedAttempts()) + state.failures();
        Instant locked = state.lockedUntil() != null ? state.lockedUntil() : state.reset() ? null : stored.lockedUntil();
        return new Credential(stored.userId(), stored.passwordHash(), stored.passwordChangeRequired(), stored.totpSecret(),
                Math.max(stored.totpLastStep(), state.lastStep()), stored.enrolmentCodeHash(),
                stored.enrolmentCodeExpires(), failures, locked);
    }

    /** Takes the step when it is later than any accepted before (the stored one included); resets failures. */
    synchronized boolean useStep(Credential current, long step) {
        if (step <= current.totpLastStep()) {
            return false;
        }
        states.put(current.userId(), new State(step, 0, null, true));
        return true;
    }

    /** Marks a recovery code used; false when it was used on this standby before. */
    boolean useRecoveryCode(long userId, String codeHash) {
        return usedRecoveryCodes.add(userId + ":" + codeHash);
    }

    synchronized int recordFailure(Credential current, int max, Instant lockUntil) {
        State state = states.getOrDefault(current.userId(), State.NONE);
        int total = current.failedAttempts() + 1;
        Instant locked = total >= max ? lockUntil : state.lockedUntil();
        states.put(current.userId(), new State(state.lastStep(), state.failures() + 1, locked, state.reset()));
        return total;
    }

    synchronized void resetFailures(long userId) {
        State state = states.getOrDefault(userId, State.NONE);
        states.put(userId, new State(state.lastStep(), 0, null, true));
    }
}
