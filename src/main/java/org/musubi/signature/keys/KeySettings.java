package org.musubi.signature.keys;

import java.time.Duration;

/**
 * How software keys are made.
 *
 * @param algorithm          {@code EC} (P-256, ECDSA with SHA-256) or {@code RSA} (2048 bits, PKCS#1 v1.5 with SHA-256)
 * @param userValidity       how long a user's certificate is valid from its issue
 * @param caValidity         how long the demo CA's certificate is valid from its making
 * @param demoCa             whether Musubi's own demo/test CA issues software keys and is trusted
 */
public record KeySettings(String algorithm, Duration userValidity, Duration caValidity, boolean demoCa) {

    public KeySettings {
        if (!"EC".equals(algorithm) && !"RSA".equals(algorithm)) {
            throw new IllegalArgumentException("musubi.signature.key-algorithm must be EC or RSA, not " + algorithm);
        }
        if (userValidity.isNegative() || userValidity.isZero() || caValidity.isNegative() || caValidity.isZero()) {
            throw new IllegalArgumentException("musubi.signature certificate validities must be positive");
        }
    }
}
