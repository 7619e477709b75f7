package org.musubi.signature;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signatures' settings (docs/signatures.md).
 *
 * @param trustAnchors       PEM (or DER) files of the CA certificates whose signers' signatures verify as valid: the
 *                           HPKI root CAs (MEDIS, JMA…), a regional CA; each file may hold several certificates.
 *                           Read at start; a file that cannot be read stops the start
 * @param demoCa             Musubi's own demo/test CA: issues each user a software key at their first signature and is
 *                           a trust anchor. Unset, it follows {@code musubi.demo.enabled}; never for real letters
 * @param keyAlgorithm       the software keys' algorithm: {@code EC} (P-256) or {@code RSA} (2048 bits)
 * @param userValidity       how long a user's software certificate is valid (a new one is issued after)
 * @param caValidity         how long the demo CA's certificate is valid
 */
@ConfigurationProperties("musubi.signature")
public record SignatureProperties(
        @DefaultValue List<Path> trustAnchors,
        Boolean demoCa,
        @DefaultValue("EC") String keyAlgorithm,
        @DefaultValue("730d") Duration userValidity,
        @DefaultValue("7300d") Duration caValidity) {
}
