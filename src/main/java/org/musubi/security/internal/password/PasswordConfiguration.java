package org.musubi.security.internal.password;

import javax.sql.DataSource;
import org.musubi.database.Standby;
import org.musubi.identity.cards.CheckCodePepper;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.security.SecretBox;
import org.musubi.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with argon2id (Spring Security's recommended parameters); failed logins are
 * counted per client address in the lockout package (shared by every node, in PostgreSQL).
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * The operator's key. A server first checks it against the fingerprint its database keeps (issue 66) and refuses
     * to start with another key; commands do not check (a backup or restore needs no key, and must work when the key
     * is away).
     */
    @Bean
    SecretBox secretBox(SecurityProperties properties, ObjectProvider<KeyFingerprints> fingerprints) {
        SecretKeys.Loaded key = SecretKeys.load(properties);
        fingerprints.ifAvailable(check -> check.check(key));
        return key.box();
    }

    @Bean
    @ConditionalOnWebApplication
    KeyFingerprints keyFingerprints(DataSource dataSource, Standby standby) {
        return new KeyFingerprints(dataSource, standby);
    }

    /** The card check codes' pepper: a key of its own derived from the secret key, which only this module reads. */
    @Bean
    CheckCodePepper checkCodePepper(SecretBox box) {
        return new CheckCodePepper(box.derive(CheckCodePepper.PURPOSE));
    }

    /** The keyed hash of insured-person numbers (名寄せ): a key of its own for that purpose, from the same secret key. */
    @Bean
    InsuredKeys insuredKeys(SecretBox box) {
        return new InsuredKeys(text -> box.derive(text));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
