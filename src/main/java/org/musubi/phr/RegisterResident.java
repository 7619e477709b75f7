package org.musubi.phr;

import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.phr.recovery.AccountRecoveries;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.PasswordPolicy;
import org.musubi.security.ResidentCredentials;
import org.musubi.security.Totp;

/**
 * The second step of a resident's registration, after {@link ProveResident}: the resident chooses a login id and a
 * password and proves an authenticator app with one code. For a person without an account, the account is saved and
 * the code used, all or nothing. For a person who has one, nothing about it changes: the new login id, password and
 * authenticator are kept aside as a pending recovery ({@link AccountRecoveries}; it replaces an earlier pending one)
 * until a counter or the network office confirms it, and the code is used, all or nothing; the old login keeps
 * working meanwhile. A login id another account has, or another person's pending recovery holds, is taken.
 */
public final class RegisterResident {

    private static final Pattern LOGIN_ID = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private final Users users;
    private final ResidentCredentials credentials;
    private final RegistrationCodes codes;
    private final Audit audit;
    private final PhrRules rules;
    private final AccountRecoveries recoveries;

    public RegisterResident(Users users, ResidentCredentials credentials, RegistrationCodes codes, Audit audit,
                            PhrRules rules, AccountRecoveries recoveries) {
        this.users = users;
        this.credentials = credentials;
        this.codes = codes;
        this.audit = audit;
        this.rules = rules;
        this.recoveries = recoveries;
    }

    /** What a registration did: an account created, or a recovery of the person's account waiting to be confirmed. */
    public sealed interface Registration permits Created, Held {
    }

    /** A new account, usable at once. */
    public record Created(User account) implements Registration {
    }

    /** The person's account is unchanged; the new credentials wait, since {@code requestedAt}, for a confirmation. */
    public record Held(long recoveryId, Instant requestedAt) implements Registration {
    }

    /** What the resident chose; {@code totpCode} is the code their app shows for {@code totpSecret}. */
    public record Choice(String loginId, String password, String passwordAgain, String totpSecret, String totpCode) {
    }

    /**
     * Saves the account, or keeps a recovery of the person's account aside.
     *
     * @throws InvalidRegistration naming each field at fault ({@code loginId}, {@code password}, {@code totpCode}),
     *     or {@code code} when the registration code was used or voided meanwhile
     */
    public Registration register(ProveResident.Proven proven, Choice choice) {
        String loginId = choice.loginId() == null ? "" : choice.loginId().strip().toLowerCase(Locale.ROOT);
        List<FieldFault> faults = new ArrayList<>();
        if (!LOGIN_ID.matcher(loginId).matches()) {
            faults.add(FieldFault.of("loginId", "user.loginId.format"));
        } else if (users.findByLoginId(loginId).filter(u -> !Long.valueOf(proven.personId()).equals(u.personId())).isPresent()
                || recoveries.reserved(loginId, proven.personId())) {
            faults.add(FieldFault.of("loginId", "phr.register.loginIdTaken"));
        }
        PasswordPolicy.fault(choice.password(), loginId).ifPresent(key -> faults.add(FieldFault.of("password", key)));
        if (choice.password() != null && !choice.password().equals(choice.passwordAgain())) {
            faults.add(FieldFault.of("passwordAgain", "password.mismatch"));
        }
        OptionalLong step = Totp.verify(choice.totpSecret(), choice.totpCode(), rules.clock().instant(), -1);
        if (step.isEmpty()) {
            faults.add(FieldFault.of("totpCode", "phr.register.wrongTotp"));
        }
        if (!faults.isEmpty()) {
            audit.record(entry(Outcome.DENY, proven, null, loginId).reason("form faults: "
                    + faults.stream().map(FieldFault::field).toList()));
            throw new InvalidRegistration(faults);
        }
        Optional<User> existing = users.residentOf(proven.personId());
        try {
            return audit.allOrNothing(() -> {
                if (!codes.use(proven.codeId(), rules.clock().instant())) {
                    throw new InvalidRegistration(List.of(FieldFault.of("code", "phr.register.codeGone")));
                }
                return existing.isPresent() ? held(proven, existing.get(), loginId, choice, step.getAsLong())
                        : created(proven, loginId, choice, step.getAsLong());
            });
        } catch (InvalidRegistration gone) {
            audit.record(entry(Outcome.DENY, proven, null, loginId).reason("registration code used or void meanwhile"));
            throw gone;
        }
    }

    private Registration created(ProveResident.Proven proven, String loginId, Choice choice, long step) {
        User user = users.saveResident(proven.personId(), loginId, proven.nameKanji(), proven.nameKana());
        credentials.enrol(user.id(), choice.password(), choice.totpSecret(), step);
        audit.record(entry(Outcome.PERMIT, proven, user.id(), loginId).reason("account created"));
        return new Created(user);
    }

    private Registration held(ProveResident.Proven proven, User account, String loginId, Choice choice, long step) {
        Instant now = rules.clock().instant();
        long id = recoveries.request(new AccountRecoveries.Request(proven.personId(), account.id(), loginId,
                proven.nameKanji(), proven.nameKana(), credentials.prepare(choice.password(), choice.totpSecret(), step),
                proven.codeId(), now));
        audit.record(entry(Outcome.PERMIT, proven, null, loginId).on("PhrRecovery", id)
                .reason("account exists: re-registration held until confirmed at a counter or by the office;"
                        + " the current login keeps working"));
        return new Held(id, now);
    }

    private static AuditEntry entry(Outcome outcome, ProveResident.Proven proven, Long userId, String loginId) {
        AuditEntry entry = AuditEntry.of(AuditAction.PHR_REGISTER, outcome).patient(proven.regionalId())
                .purpose(Purpose.PATIENT_SELF_ACCESS).by(new Actor(userId, loginId, null, "RESIDENT"));
        return userId == null ? entry.on("Person") : entry.on("User", userId);
    }
}
