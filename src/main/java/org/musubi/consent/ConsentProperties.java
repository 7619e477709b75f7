package org.musubi.consent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Proving a card: linking by card at a facility's counter, and the health notebook's registration
 * ({@link CardProofThrottle}).
 *
 * @param linkMaxFailuresPerCard failed proofs with one card number as typed (a wrong check code, kana name or birth
 *                               date, or a number no card has) in one place — at one facility, or at the notebook's
 *                               registration — after which that number cannot be proved there until
 *                               {@code linkCardWindow} passed
 * @param linkCardWindow         the window over which a card number's failures are counted
 * @param linkMaxFailuresPerCardNetwork failed proofs with one card number everywhere together after which it cannot be
 *                               proved anywhere until {@code linkCardWindow} passed: the backstop against guessing a
 *                               check code from many places
 * @param linkMaxFailuresPerUser failed attempts of one user, with any card, after which the user cannot link
 *                               until {@code linkUserWindow} has passed
 * @param linkUserWindow         the window over which a user's failures are counted
 */
@ConfigurationProperties("musubi.consent")
public record ConsentProperties(
        @DefaultValue("5") int linkMaxFailuresPerCard,
        @DefaultValue("24h") Duration linkCardWindow,
        @DefaultValue("10") int linkMaxFailuresPerUser,
        @DefaultValue("1h") Duration linkUserWindow,
        @DefaultValue("25") int linkMaxFailuresPerCardNetwork) {

    public ConsentProperties {
        if (linkMaxFailuresPerCard < 1 || linkMaxFailuresPerUser < 1 || linkMaxFailuresPerCardNetwork < linkMaxFailuresPerCard) {
            throw new IllegalArgumentException("musubi.consent.link-max-failures-per-card and -per-user must be at least 1,"
                    + " and link-max-failures-per-card-network at least link-max-failures-per-card");
        }
        if (linkCardWindow.isNegative() || linkCardWindow.isZero() || linkUserWindow.isNegative() || linkUserWindow.isZero()) {
            throw new IllegalArgumentException("musubi.consent.link-card-window and link-user-window must be positive");
        }
    }
}
