package org.musubi.imaging.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The tokens that scope an AI service to one work item's study and callback refuse everything else. */
class AiTokensTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final AiTokens tokens = new AiTokens(KEY);

    @Test
    void aPixelTokenServesItsStudyUntilItExpires() {
        String token = tokens.pixelToken(7, "1.2.3", NOW.plus(AiTokens.PIXEL_LIFETIME));
        assertThat(tokens.pixelWorkItem(token, "1.2.3", NOW)).hasValue(7);
        assertThat(tokens.pixelWorkItem(token, "1.2.3", NOW.plus(AiTokens.PIXEL_LIFETIME).plusSeconds(1))).isEmpty();
    }

    @Test
    void aPixelTokenOfAnotherStudyOrAlteredOrGuessedGetsNothing() {
        String token = tokens.pixelToken(7, "1.2.3", NOW.plusSeconds(600));
        assertThat(tokens.pixelWorkItem(token, "1.2.4", NOW)).isEmpty();
        String[] parts = token.split("\\.");
        assertThat(tokens.pixelWorkItem("8." + parts[1] + "." + parts[2], "1.2.3", NOW)).isEmpty();
        assertThat(tokens.pixelWorkItem(parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2], "1.2.3", NOW))
                .isEmpty();
        assertThat(tokens.pixelWorkItem("7." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "1.2.3", NOW))
                .isEmpty();
        assertThat(tokens.pixelWorkItem("garbage", "1.2.3", NOW)).isEmpty();
        assertThat(tokens.pixelWorkItem(null, "1.2.3", NOW)).isEmpty();
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 1);
        assertThat(new AiTokens(other).pixelWorkItem(token, "1.2.3", NOW)).isEmpty();
    }

    @Test
    void theCallbackTokenIsOfOneWorkItemOfOneService() {
        String token = tokens.callbackToken(7, 3);
        assertThat(tokens.callbackAccepted(token, 7, 3)).isTrue();
        assertThat(tokens.callbackAccepted(token, 8, 3)).isFalse();
        assertThat(tokens.callbackAccepted(token, 7, 4)).isFalse();
        assertThat(tokens.callbackAccepted(tokens.callbackToken(8, 3), 7, 3)).isFalse();
        assertThat(tokens.callbackAccepted("", 7, 3)).isFalse();
        assertThat(tokens.callbackAccepted(null, 7, 3)).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new AiTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
