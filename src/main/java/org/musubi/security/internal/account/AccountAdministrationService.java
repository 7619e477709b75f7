package org.musubi.security.internal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.NotPermitted;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.AccountAdministration;
import org.musubi.security.IssuedSecret;
import org.musubi.security.RecoveryCodes;
import org.musubi.security.SecurityProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class AccountAdministrationService implements AccountAdministration {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final Users users;
    private final JdbcCredentials credentials;
    private final PasswordEncoder encoder;
    private final Audit audit;
    private final SecurityProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    AccountAdministrationService(Users users, JdbcCredentials credentials, PasswordEncoder encoder, Audit audit,
                                 SecurityProperties properties) {
        this.users = users;
        this.credentials = credentials;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    public InitialSecrets issueInitial(Administrator admin, long userId) {
        permitted(admin, userId, AuditAction.PASSWORD_RESET);
        String password = randomText(16);
        credentials.create(userId, encoder.encode(password), true);
        IssuedSecret code = newEnrolmentCode(userId);
        return new InitialSecrets(new IssuedSecret(password, null), code);
    }

    @Override
    public IssuedSecret resetPassword(Administrator admin, long userId) {
        permitted(admin, userId, AuditAction.PASSWORD_RESET);
        String password = randomText(16);
        credentials.setPassword(userId, encoder.encode(password), true);
        audit.record(AuditEntry.of(AuditAction.PASSWORD_RESET, Outcome.PERMIT).on("User", userId)
                .reason("second factor kept"));
        return new IssuedSecret(password, null);
    }

    @Override
    public IssuedSecret resetSecondFactor(Administrator admin, long userId) {
        permitted(admin, userId, AuditAction.SECOND_FACTOR_RESET);
        IssuedSecret code = newEnrolmentCode(userId);
        audit.record(AuditEntry.of(AuditAction.SECOND_FACTOR_RESET, Outcome.PERMIT).on("User", userId)
                .reason("enrolment code issued"));
        return code;
    }

    private IssuedSecret newEnrolmentCode(long userId) {
        String code = randomText(10).toLowerCase(Locale.ROOT);
        Instant expires = Instant.now(clock).plus(properties.enrolmentCodeValidity());
        credentials.clearSecondFactor(userId, RecoveryCodes.hash(userId, code), expires);
        return new IssuedSecret(code, expires);
    }

    private void permitted(Administrator admin, long userId, AuditAction action) {
        User user = users.find(userId).orElseThrow(() -> new NotPermitted("unknown user"));
        if (!admin.mayManage(user)) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("User", userId).reason("outside the administrator's facilities"));
            throw new NotPermitted("account administration");
        }
        if (user.profession() == Profession.FACILITY_SYSTEM) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("User", userId).reason("API clients have no login"));
            throw new NotPermitted("API clients have no password or second factor");
        }
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
