package org.musubi.consent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Linking by card.
 *
 * @param linkMaxFailuresPerCard failed attempts with one card number (a wrong check code, kana name or birth date)
 *                               after which that number cannot be used to link until {@code linkCardWindow} passed
 * @param linkCardWindow         the window over which a card number's failures are counted
 * @param linkMaxFailuresPerUser failed attempts of one user, with any card, after which the user cannot link
 *                               until {@code linkUserWindow} has passed
 * @param linkUserWindow         the window over which a user's failures are counted
 */
@ConfigurationProperties("musubi.consent")
public record ConsentProperties(
        @DefaultValue("5") int linkMaxFailuresPerCard,
        @DefaultValue("24h") Duration linkCardWindow,
        @DefaultValue("10") int linkMaxFailuresPerUser,
        @DefaultValue("1h") Duration linkUserWindow) {

    public ConsentProperties {
        if (linkMaxFailuresPerCard < 1 || linkMaxFailuresPerUser < 1) {
            throw new IllegalArgumentException("musubi.consent.link-max-failures-per-card and -per-user must be at least 1");
        }
        if (linkCardWindow.isNegative() || linkCardWindow.isZero() || linkUserWindow.isNegative() || linkUserWindow.isZero()) {
            throw new IllegalArgumentException("musubi.consent.link-card-window and link-user-window must be positive");
        }
    }
}
