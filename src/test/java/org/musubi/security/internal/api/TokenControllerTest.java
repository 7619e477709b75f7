package org.musubi.security.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenControllerTest {

    @Test
    void readsBasicClientCredentialsFormDecodedAsRfc6749Says() {
        String header = "Basic " + Base64.getEncoder().encodeToString("api-x:a%2Bb%3Ac".getBytes(StandardCharsets.UTF_8));

        assertThat(TokenController.basic(header)).containsExactly("api-x", "a+b:c");
        assertThat(TokenController.basic("basic " + Base64.getEncoder().encodeToString("id:s".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("id", "s");
    }

    @Test
    void ignoresOtherOrBrokenAuthorizationHeaders() {
        assertThat(TokenController.basic(null)).isNull();
        assertThat(TokenController.basic("Bearer abc")).isNull();
        assertThat(TokenController.basic("Basic !!!notbase64")).isNull();
        assertThat(TokenController.basic("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8))))
                .isNull();
    }
}
