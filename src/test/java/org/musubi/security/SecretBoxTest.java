package org.musubi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(SecretBox.newKey(new SecureRandom()));

    @Test
    void sealsAndOpensWithoutShowingTheSecret() {
        String sealed = box.seal("totp-secret", DemoAccounts.DEMO_TOTP_SECRET);

        assertThat(sealed).startsWith("v1:").doesNotContain(DemoAccounts.DEMO_TOTP_SECRET);
        assertThat(box.seal("totp-secret", DemoAccounts.DEMO_TOTP_SECRET)).isNotEqualTo(sealed);
        assertThat(box.open("totp-secret", sealed)).isEqualTo(DemoAccounts.DEMO_TOTP_SECRET);
    }

    @Test
    void refusesAnAlteredValueAnotherPurposeOrAnotherKey() {
        String sealed = box.seal("totp-secret", "ABCDEFGH");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        SecretBox otherKey = new SecretBox(SecretBox.newKey(new SecureRandom()));

        assertThatThrownBy(() -> box.open("totp-secret", altered)).hasMessageContaining("wrong key or altered");
        assertThatThrownBy(() -> box.open("other-purpose", sealed)).hasMessageContaining("wrong key or altered");
        assertThatThrownBy(() -> otherKey.open("totp-secret", sealed)).hasMessageContaining("wrong key or altered");
        assertThatThrownBy(() -> box.open("totp-secret", "ABCDEFGH")).hasMessageContaining("not a sealed secret");
    }

    @Test
    void derivesAKeyPerPurposeThatIsNotTheSecretKey() {
        byte[] secret = SecretBox.newKey(new SecureRandom());
        SecretBox one = new SecretBox(secret);

        byte[] pepper = one.derive("musubi card check code pepper v1");

        assertThat(pepper).hasSize(32).isNotEqualTo(secret);
        assertThat(new SecretBox(secret).derive("musubi card check code pepper v1")).isEqualTo(pepper);
        assertThat(one.derive("another use v1")).isNotEqualTo(pepper);
        assertThat(box.derive("musubi card check code pepper v1")).as("another secret key").isNotEqualTo(pepper);
    }

    @Test
    void wantsA256BitKey() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).hasMessageContaining("32 bytes");
    }

    @Test
    void sealsBytesBoundToTheirPurpose() {
        byte[] plain = {0, 1, 2, (byte) 0xff, 42};
        byte[] sealed = box.sealBytes("browser-session-attribute", plain);

        assertThat(sealed).hasSize(12 + plain.length + 16).isNotEqualTo(box.sealBytes("browser-session-attribute", plain));
        assertThat(box.openBytes("browser-session-attribute", sealed)).containsExactly(plain);
        assertThatThrownBy(() -> box.openBytes("another purpose", sealed)).isInstanceOf(IllegalStateException.class);
        sealed[20] ^= 1;
        assertThatThrownBy(() -> box.openBytes("browser-session-attribute", sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.openBytes("browser-session-attribute", new byte[5]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
