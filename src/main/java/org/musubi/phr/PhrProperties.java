package org.musubi.phr;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Residents' registration.
 *
 * @param registrationCodeValidity how long a registration code handed to a resident may be used
 * @param registrationCodeAttempts wrong birth dates or codes typed with a person's card after which that person's
 *                                 live codes are void (a new one must be issued)
 * @param recoveryValidity         how long a re-registration of a person who has an account (a pending recovery) waits
 *                                 for a counter or the network office to confirm it before it expires
 */
@ConfigurationProperties("musubi.phr")
public record PhrProperties(
        @DefaultValue("30d") Duration registrationCodeValidity,
        @DefaultValue("5") int registrationCodeAttempts,
        @DefaultValue("30d") Duration recoveryValidity) {

    public PhrProperties {
        if (registrationCodeValidity.isNegative() || registrationCodeValidity.isZero()) {
            throw new IllegalArgumentException("musubi.phr.registration-code-validity must be positive");
        }
        if (recoveryValidity.isNegative() || recoveryValidity.isZero()) {
            throw new IllegalArgumentException("musubi.phr.recovery-validity must be positive");
        }
        if (registrationCodeAttempts < 1) {
            throw new IllegalArgumentException("musubi.phr.registration-code-attempts must be at least 1");
        }
    }
}
