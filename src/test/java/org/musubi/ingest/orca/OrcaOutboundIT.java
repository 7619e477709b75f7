package org.musubi.ingest.orca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.PortProbes;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * A facility's administrator cannot make the server probe its own machine or the internal networks through the ORCA
 * connector (issue 66). The tests' operator allows 127.0.0.1 (where the ORCA stand-in listens) and nothing else, so
 * 127.0.0.2 — loopback like it — is internal and not allowed. The connector's form refuses such an address, with the
 * field's message; a connector whose address points there anyway (saved while its name resolved to a public address)
 * pulls nothing: "pull now" on a closed port, on a port that does not speak HTTP and on an HTTP server answering 500
 * leaves the same error on the connector's page, and none of them is even connected to. Where the operator allowed the
 * address, the three are reached, and still read the same; the stand-in's pulls work there (OrcaConnectorIT).
 */
@MusubiIntegrationTest
class OrcaOutboundIT {

    private static final Pattern ERROR = Pattern.compile("<dd id=\"orca-error\"[^>]*>([^<]*)</dd>");

    @LocalServerPort int port;
    @Autowired OrcaAdministration administration;
    @Autowired OrcaConnectors connectors;
    @Autowired TestAccounts accounts;

    @Test
    void theFormRefusesAnInternalAddressTheOperatorDidNotAllow() {
        Facility hospital = accounts.newHospital();
        WebSession admin = accounts.signedIn(port, accounts.adminOf(hospital));
        for (String url : List.of("http://127.0.0.2:8000", "http://0.0.0.0:8000", "http://[::1]:8000",
                "http://169.254.169.254/latest/meta-data", "http://10.20.30.40:8000", "http://192.168.1.10:8000",
                "http://[::ffff:127.0.0.2]:8000")) {
            HttpResponse<String> saved = admin.post("/admin/imports/orca", "facilityId", String.valueOf(hospital.id()),
                    "baseUrl", url, "username", "ormaster", "password", "orca-pw", "intervalMinutes", "60");

            assertThat(WebSession.location(saved)).as(url).endsWith("/admin/imports/orca");
            assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/imports/orca").body())).as(url)
                    .contains("<li data-field=\"baseUrl\">このURLには接続できません（ネットワークの運用者が許可していない内部のアドレスです）");
        }
        assertThat(connectors.ofFacility(hospital.id())).as("nothing saved").isEmpty();
    }

    @Test
    void everyWayAPullCannotReachItsAddressReadsTheSameAndANotAllowedOneIsNeverConnectedTo() throws Exception {
        Facility hospital = accounts.newHospital();
        User adminUser = accounts.adminOf(hospital);
        WebSession admin = accounts.signedIn(port, adminUser);
        long id = administration.save(new Administrator(adminUser.id(), false, Set.of(hospital.id())), hospital.id(),
                new OrcaAdministration.Settings("http://orca-" + hospital.id() + ".invalid:8000", "ormaster", "orca-pw", 60,
                        false, LocalDate.now().minusDays(2))).orElseThrow().id();
        for (String host : List.of("127.0.0.2", "127.0.0.1")) {
            boolean allowed = host.equals("127.0.0.1");
            Map<String, String> shown = new java.util.LinkedHashMap<>();
            List<PortProbes.Target> targets = new ArrayList<>();
            try (PortProbes.Target closed = PortProbes.closed(host); PortProbes.Target notHttp = PortProbes.notHttp(host);
                 PortProbes.Target httpError = PortProbes.httpError(host)) {
                targets.addAll(List.of(closed, notHttp, httpError));
                for (var probe : Map.of("closed port", closed, "not HTTP", notHttp, "HTTP 500", httpError).entrySet()) {
                    shown.put(probe.getKey(), pullNow(admin, id, "http://" + host + ":" + probe.getValue().port()));
                }
                assertThat(shown.values()).as(host + ": " + shown).containsOnly(OrcaFailure.UNREACHABLE);
                if (allowed) {
                    assertThat(notHttp.connections()).as("allowed: reached").isPositive();
                    assertThat(httpError.connections()).as("allowed: reached").isPositive();
                } else {
                    assertThat(targets).as("not allowed: never connected to").allMatch(t -> t.connections() == 0);
                }
            }
        }
        assertThat(connectors.find(id).orElseThrow().pulledThrough()).as("nothing pulled")
                .isEqualTo(LocalDate.now().minusDays(3));
    }

    /**
     * Points the connector at {@code url} (as if its name had come to resolve there), presses "pull now" as the
     * facility's administrator and returns the error its page then shows.
     */
    private String pullNow(WebSession admin, long id, String url) throws InterruptedException {
        OrcaConnector before = connectors.find(id).orElseThrow();
        connectors.update(id, url, before.username(), null, before.intervalMinutes(), false);
        HttpResponse<String> pulled = admin.post("/admin/imports/orca/" + id + "/pull");
        assertThat(WebSession.location(pulled)).endsWith("/admin/imports/orca/" + id);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (connectors.find(id).orElseThrow().lastErrorAt() == null
                || connectors.find(id).orElseThrow().lastErrorAt().equals(before.lastErrorAt())) {
            assertThat(Instant.now()).as("the pull of " + url + " ended").isBefore(deadline);
            Thread.sleep(100);
        }
        Matcher error = ERROR.matcher(admin.get("/admin/imports/orca/" + id).body());
        assertThat(error.find()).isTrue();
        return HtmlUtils.htmlUnescape(error.group(1)).strip();
    }
}
