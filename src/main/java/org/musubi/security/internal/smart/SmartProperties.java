package org.musubi.security.internal.smart;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes of what a resident's connected app (SMART App Launch) is given.
 *
 * @param accessTokenLifetime  how long an app's access token (and its id_token) stays valid
 * @param refreshTokenLifetime how long an app's refresh token stays usable (each use gives a new one, valid as long)
 * @param codeLifetime         how long the one-time authorization code may be exchanged after the resident approved
 */
@ConfigurationProperties("musubi.smart")
public record SmartProperties(
        @DefaultValue("1h") Duration accessTokenLifetime,
        @DefaultValue("90d") Duration refreshTokenLifetime,
        @DefaultValue("60s") Duration codeLifetime) {

    public SmartProperties {
        for (Duration d : new Duration[] {accessTokenLifetime, refreshTokenLifetime, codeLifetime}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("musubi.smart lifetimes must be positive: " + d);
            }
        }
    }
}
