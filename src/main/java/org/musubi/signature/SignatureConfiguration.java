package org.musubi.signature;

import java.time.Clock;
import org.musubi.database.Standby;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.musubi.security.SecretBox;
import org.musubi.signature.cms.CmsVerifier;
import org.musubi.signature.cms.TrustAnchors;
import org.musubi.signature.keys.DemoAuthority;
import org.musubi.signature.keys.KeyIssuer;
import org.musubi.signature.keys.KeySettings;
import org.musubi.signature.keys.SealedKeys;
import org.musubi.signature.keys.SignerProfiles;
import org.musubi.signature.keys.SigningKeys;
import org.musubi.signature.keys.SoftwareKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires signatures: the operator's trust anchors read at start, the demo CA on with demo mode unless
 * {@code musubi.signature.demo-ca} says otherwise, private keys sealed with the operator's key ({@link SecretBox}),
 * signing refused while {@link Standby} is read-only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignatureProperties.class)
class SignatureConfiguration {

    @Bean
    KeySettings signatureKeySettings(SignatureProperties properties, Environment environment) {
        boolean demoCa = properties.demoCa() != null ? properties.demoCa()
                : environment.getProperty("musubi.demo.enabled", Boolean.class, false);
        return new KeySettings(properties.keyAlgorithm(), properties.userValidity(), properties.caValidity(), demoCa);
    }

    @Bean
    DemoAuthority demoSigningAuthority(SigningKeys keys, SecretBox box, KeySettings settings) {
        return new DemoAuthority(keys, new SealedKeys(box), new KeyIssuer(), Clock.systemUTC(), settings);
    }

    @Bean
    Signatures signatures(SignatureProperties properties, SigningKeys keys, SecretBox box, DemoAuthority authority,
                          Users users, Facilities facilities, KeySettings settings, Standby standby) {
        SoftwareKeys software = new SoftwareKeys(keys, new SealedKeys(box), authority, new SignerProfiles(users, facilities),
                Clock.systemUTC(), settings);
        CmsVerifier verifier = new CmsVerifier(
                new TrustAnchors(TrustAnchors.read(properties.trustAnchors()), authority::certificate), Clock.systemUTC());
        return new Signatures(software, verifier, standby::readOnly, Clock.systemUTC());
    }
}
