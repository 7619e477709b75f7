package org.musubi.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keyed ids: stable under one secret, unrelated under another, shaped as version 8 UUIDs; legacy ids as before V22. */
class IdKeyTest {

    private static final IdKey ONE = new IdKey(IdKey.Scheme.KEYED, secret(1));
    private static final IdKey TWO = new IdKey(IdKey.Scheme.KEYED, secret(2));

    @Test
    void givesTheSameNameTheSameIdUnderOneSecretAndAnotherUnderAnother() {
        String name = "musubi-import\u001f17\u001fP0001\u001fObservation\u001fr1/A";

        assertThat(ONE.uuid(name)).isEqualTo(new IdKey(IdKey.Scheme.KEYED, secret(1)).uuid(name))
                .isNotEqualTo(TWO.uuid(name)).isNotEqualTo(ONE.uuid(name + "x"));
        assertThat(ONE.uuid(name)).as("not the public derivation").isNotEqualTo(UUID.nameUUIDFromBytes(name.getBytes(
                StandardCharsets.UTF_8)).toString());
    }

    @Test
    void shapesKeyedIdsAsVersion8UuidsOfTheRfcVariant() {
        UUID id = UUID.fromString(ONE.uuid("a name"));

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(ONE.uuid("a name")).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ONE.keyedUuid("a name")).isEqualTo(ONE.uuid("a name"));
    }

    @Test
    void derivesLegacyIdsAsBeforeAndStillKeysWhatNeverHadAPublicForm() {
        IdKey legacy = new IdKey(IdKey.Scheme.LEGACY, secret(1));

        assertThat(legacy.uuid("musubi-import\u001f17\u001fP0001\u001fObservation\u001fr1/A"))
                .as("what ImportIds gave before V22").isEqualTo("955d8fa3-cdb9-322f-acd9-21ddd090d553");
        assertThat(legacy.uuid("17|urn:ietf:rfc:3986|urn:uuid:0a1b|urn:uuid:entry-1"))
                .as("what DocumentBundles gave before V22").isEqualTo("b0925d6b-c314-369e-a132-e43765ae05ed");
        assertThat(legacy.keyedUuid("a name")).isEqualTo(ONE.keyedUuid("a name"));
    }

    @Test
    void tellsIdsOfTheServersFormInAnyCase() {
        assertThat(IdKey.serverShaped(UUID.randomUUID().toString())).isTrue();
        assertThat(IdKey.serverShaped(UUID.randomUUID().toString().toUpperCase(Locale.ROOT))).isTrue();
        assertThat(IdKey.serverShaped("Example-JP-Patient-eCS-MAKINO")).isFalse();
        assertThat(IdKey.serverShaped("123456")).isFalse();
        assertThat(IdKey.serverShaped("x" + UUID.randomUUID())).isFalse();
        assertThat(IdKey.serverShaped(null)).isFalse();
    }

    @Test
    void takesOnlyA32ByteSecretAndNeverShowsIt() {
        assertThatThrownBy(() -> new IdKey(IdKey.Scheme.KEYED, new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(ONE.toString()).isEqualTo("IdKey[KEYED]");
    }

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }
}
