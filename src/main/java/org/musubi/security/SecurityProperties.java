package org.musubi.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and session settings.
 *
 * @param maxFailedAttempts failed passwords or codes in a row before the account is locked
 * @param lockDuration      how long a locked account stays locked
 * @param secureCookies     mark the session cookie Secure (browsers still send it to http://localhost)
 * @param enrolmentCodeValidity how long an admin-issued second-factor enrolment code stays valid
 * @param issuer            the name authenticator apps show next to the account
 * @param ipMaxFailures     failed logins (password or code, any account) from one client address within
 *                          {@code ipWindow} after which that address is refused with 429 until the window ends
 * @param ipWindow          the window for {@code ipMaxFailures}
 * @param secretKey         base64 of 32 random bytes that encrypt TOTP secrets at rest ({@code MUSUBI_SECRET_KEY});
 *                          when blank, the key is read from {@code secretKeyFile}, created there on first start
 * @param secretKeyFile     where the key is kept when {@code secretKey} is blank; back it up with the database
 * @param apiTokenLifetime  how long a bearer token from {@code /oauth2/token} (client credentials) stays valid
 */
@ConfigurationProperties("musubi.security")
public record SecurityProperties(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("true") boolean secureCookies,
        @DefaultValue("72h") Duration enrolmentCodeValidity,
        @DefaultValue("Musubi") String issuer,
        @DefaultValue("30") int ipMaxFailures,
        @DefaultValue("10m") Duration ipWindow,
        String secretKey,
        @DefaultValue("./data/secret.key") Path secretKeyFile,
        @DefaultValue("1h") Duration apiTokenLifetime) {
}
