package org.musubi.box.wopi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** WOPI access tokens: what one grants, and that a changed, foreign, expired or malformed one grants nothing. */
class WopiTokensTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private final WopiTokens tokens = new WopiTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(2));
    private final UUID file = UUID.randomUUID();

    @Test
    void aTokenGrantsItsUserAndFileUntilItsExpiryAndEachIsUnlikeAnyOther() {
        WopiTokens.Issued issued = tokens.issue(file, 42, 7L, 3);
        assertThat(issued.ttlMillis()).isEqualTo(NOW.plus(Duration.ofHours(2)).toEpochMilli());
        assertThat(tokens.verify(issued.token())).hasValue(new WopiTokens.Grant(file, 42, 7L, 3,
                Instant.ofEpochMilli(issued.ttlMillis())));
        assertThat(tokens.verify(tokens.issue(file, 42, null, 0).token())).hasValueSatisfying(g ->
                assertThat(g.facility()).isNull());
        assertThat(tokens.issue(file, 42, 7L, 3).token()).as("a random part in each").isNotEqualTo(issued.token());
        assertThat(issued.token()).matches("[A-Za-z0-9_-]+");
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void aChangedForeignExpiredOrMalformedTokenGrantsNothing() {
        String token = tokens.issue(file, 42, 7L, 3).token();
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = Arrays.copyOf(bytes, bytes.length);
            changed[i] ^= 1;
            assertThat(tokens.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(changed)))
                    .as("byte %d changed", i).isEmpty();
        }
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        WopiTokens foreign = new WopiTokens(otherKey, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(2));
        assertThat(tokens.verify(foreign.issue(file, 42, 7L, 3).token())).as("signed with another key").isEmpty();
        WopiTokens later = new WopiTokens(KEY, Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC),
                Duration.ofHours(2));
        assertThat(later.verify(token)).as("at its expiry").isEmpty();
        WopiTokens justBefore = new WopiTokens(KEY, Clock.fixed(NOW.plus(Duration.ofHours(2)).minusMillis(1),
                ZoneOffset.UTC), Duration.ofHours(2));
        assertThat(justBefore.verify(token)).isPresent();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("not a token!")).isEmpty();
        assertThat(tokens.verify(token.substring(1))).isEmpty();
        assertThat(tokens.verify(token + "AA")).isEmpty();
    }
}
