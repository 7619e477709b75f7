package org.musubi.security.internal.password;

import org.musubi.identity.cards.CheckCodePepper;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.security.SecretBox;
import org.musubi.security.SecurityProperties;
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

    @Bean
    SecretBox secretBox(SecurityProperties properties) {
        return SecretKeys.box(properties);
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
