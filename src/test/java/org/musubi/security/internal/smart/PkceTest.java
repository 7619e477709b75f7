package org.musubi.security.internal.smart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** A verifier and its S256 challenge computed apart from Musubi (Python's hashlib and base64). */
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "ngF5GsXcbwljx6u133FFr3Xht9xooA_DuaX_3QwODtc";

    @Test
    void anIndependentlyComputedPairVerifies() {
        assertThat(Pkce.challenge(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.verifies(VERIFIER, CHALLENGE)).isTrue();
        assertThat(Pkce.validChallenge(CHALLENGE)).isTrue();
    }

    @Test
    void refusesAWrongVerifierThePlainMethodAndMalformedValues() {
        assertThat(Pkce.verifies(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(CHALLENGE, CHALLENGE)).as("plain: the challenge sent as verifier").isFalse();
        assertThat(Pkce.verifies(null, CHALLENGE)).isFalse();
        assertThat(Pkce.verifies("short", Pkce.challenge("short"))).as("under 43 characters").isFalse();
        assertThat(Pkce.verifies(VERIFIER + " ", CHALLENGE)).isFalse();
        assertThat(Pkce.validChallenge("plain-text-challenge")).isFalse();
        assertThat(Pkce.validChallenge(CHALLENGE + "=")).isFalse();
    }
}
