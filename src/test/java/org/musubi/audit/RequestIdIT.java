package org.musubi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/** The audit trail's request id is the server's own: a client's X-Request-Id never becomes it. */
@MusubiIntegrationTest
class RequestIdIT extends NetworkFixtures {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aForgedRequestIdIsNotTheAuditRowsRequestId() {
        String forged = "forged-by-client-0001";
        String loginId = "no-such-user-" + System.nanoTime();
        long before = audit.max();

        HttpResponse<String> refused = accounts.passwordStep(new WebSession(port).withHeader("X-Request-Id", forged),
                loginId, "wrong password");

        String serverId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(serverId).matches(UUID).isNotEqualTo(forged);
        assertThat(audit.requestIds(before, loginId)).containsExactly(serverId);
    }

    @Test
    void aMalformedRequestIdIsNeitherEchoedNorAudited() {
        String loginId = "no-such-user-" + System.nanoTime();
        long before = audit.max();

        HttpResponse<String> refused = accounts.passwordStep(new WebSession(port)
                .withHeader("X-Request-Id", "evil value\",\"reason\":\"x"), loginId, "wrong password");

        assertThat(refused.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
        assertThat(audit.requestIds(before, loginId)).singleElement().asString().matches(UUID);
    }
}
