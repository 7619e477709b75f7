package org.musubi.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.AuditTrail;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.PharmacyNotebooks;
import org.musubi.testing.ProxiedNodes;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.UpdateRace;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The multi-node set-up of docs/scaling.md, as an operator builds it (issue 66): two Musubi nodes on one PostgreSQL
 * behind Debian's nginx running the repository's own site file ({@code deploy/nginx/musubi.conf}, ports and paths
 * replaced). Through nginx, over TLS: a FHIR transaction posted to {@code /fhir} itself, a login with password and TOTP,
 * a resumable (tus) import upload, and a rolling restart of both nodes while a hospital system keeps sending
 * transactions and a viewer keeps reading: every acknowledged write is stored, and with the documented wait between
 * node restarts no request fails. Skipped when nginx is not installed.
 */
@MusubiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("drill")
class NginxProxyIT extends NetworkFixtures {

    /** The wait docs/scaling.md asks for between a node answering again and stopping the next one. */
    static final Duration WAIT_BETWEEN_RESTARTS = Duration.ofMillis(Long.getLong("musubi.nginx.wait-ms", 3000));
    /**
     * How many of the two nodes the rolling restart restarts, one after the other: one at CI size (node 0 leaves and
     * comes back while node 1 serves alone, the property under test), both in the bench's full run
     * ({@code -Dmusubi.nginx.restart-nodes=2}): a node's start costs the CI about 40 CPU-seconds.
     */
    static final int RESTARTED_NODES = Integer.getInteger("musubi.nginx.restart-nodes", 1);
    /** A client address other than the proxy's own, as a facility's system on another host has. */
    private static final String CLIENT_ADDRESS = "127.0.0.2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired DataSource dataSource;
    @Autowired PharmacyNotebooks notebooks;
    @Autowired AuditTrail trail;
    @TempDir static Path work;

    private ProxiedNodes nodes;
    private HttpClient client;
    private Facility hospital;
    private String fhirToken;

    @BeforeAll
    void startTwoNodesBehindNginx() throws Exception {
        nodes = ProxiedNodes.start(dataSource, work);
        client = nodes.proxy().client(InetAddress.getByName(CLIENT_ADDRESS));
        hospital = accounts.newHospital();
        fhirToken = clients.token(port, clients.register(hospital, "system/*.read", "system/*.write"));
    }

    @AfterAll
    void stopThem() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void aTransactionPostedToFhirItselfIsStoredNotRedirected() throws Exception {
        long before = audit.max();
        String localId = FhirRecords.localId();

        HttpResponse<String> answer = transaction(localId);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(createdObservations(answer.body())).hasSize(1);
        assertThat(clients.registered(hospital, localId)).isTrue();
        assertThat(jdbc.sql("""
                SELECT action || ' ' || outcome || ' ' || resource_type || ' ' || client_ip FROM audit_event
                WHERE seq > ? AND facility_id = ? AND action = 'CREATE' ORDER BY seq""").params(before, hospital.id())
                .query(String.class).list()).as("audited with the client's address, which nginx forwarded")
                .containsExactly("CREATE PERMIT Patient " + CLIENT_ADDRESS, "CREATE PERMIT Observation " + CLIENT_ADDRESS);
        assertThat(nodes.proxy().accessLog()).as("nginx passed the POST to a node, no redirect")
                .anyMatch(line -> line.startsWith("POST /fhir 200 127.0.0.1:"));
    }

    @Test
    @Order(2)
    void aLoginWithPasswordAndTotpThroughTheProxyOpensASecureSession() throws IOException {
        User user = accounts.staff(FacilityKind.HOSPITAL, Profession.NURSE);
        WebSession web = WebSession.at(nodes.base(), client).withHeader("X-Forwarded-For", "203.0.113.66");
        long before = audit.max();

        HttpResponse<String> password = accounts.passwordStep(web, user.loginId(), TestAccounts.PASSWORD);
        assertThat(WebSession.location(password)).isEqualTo("/login/second-factor");
        assertThat(password.headers().allValues("Set-Cookie")).as("a Secure cookie: nginx said the scheme is https")
                .anyMatch(cookie -> cookie.startsWith("MUSUBI_SESSION=") && cookie.contains("Secure"));
        web.get("/login/second-factor");
        HttpResponse<String> code = web.post("/login/second-factor", "code", accounts.nextCode(user.id()));
        assertThat(WebSession.location(code)).isEqualTo("/");
        assertThat(web.get("/").statusCode()).isEqualTo(200);

        assertThat(audit.since(before, user.loginId())).startsWith("LOGIN_PASSWORD PERMIT", "LOGIN_SECOND_FACTOR PERMIT");
        assertThat(jdbc.sql("SELECT DISTINCT client_ip FROM audit_event WHERE seq > ? AND login_id = ?")
                .params(before, user.loginId()).query(String.class).list())
                .as("the address nginx saw, not the one the client claimed").containsExactly(CLIENT_ADDRESS);
    }

    @Test
    @Order(3)
    void aResumableImportUploadThroughTheProxyBecomesOneBatch() throws Exception {
        Facility pharmacy = notebooks.pharmacy("代理経由再開薬局");
        TusClient tus = new TusClient(clients.token(port, clients.register(pharmacy, "system/*.write")), client, "https");
        byte[] file = PharmacyNotebooks.randomNotebook("試験 代理経由", "ダイリ", "代理経由再開薬局", new Random(66))
                .getBytes(StandardCharsets.UTF_8);
        int proxy = URI.create(nodes.base()).getPort();

        HttpResponse<String> created = tus.create(proxy, "jahis", "proxied.txt", file.length);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).as("a path under the public address")
                .startsWith("/import/jahis/uploads/");
        String upload = TusClient.path(created);
        assertThat(tus.patch(proxy, upload, file, 0, file.length / 2).statusCode()).isEqualTo(204);
        assertThat(tus.offset(proxy, upload)).isEqualTo(file.length / 2);
        assertThat(tus.patch(proxy, upload, file, file.length / 2, file.length).statusCode()).isEqualTo(204);

        String status = "";
        for (int tries = 0; tries < 100 && !status.equals("DONE"); tries++) {
            HttpResponse<String> batch = tus.batch(proxy, upload);
            status = batch.statusCode() == 200 ? JSON.readTree(batch.body()).path("status").asString("") : "";
            Thread.sleep(status.equals("DONE") ? 0 : 100);
        }
        assertThat(status).isEqualTo("DONE");
        assertThat(StoredOnce.count(jdbc, "SELECT count(*) FROM resource WHERE source_facility = ? AND type = "
                + "'MedicationDispense'", pharmacy)).isEqualTo(PharmacyNotebooks.RANDOM_NOTEBOOK_DISPENSINGS);
    }

    @Test
    @Order(4)
    void theProxyKeepsItsOwnRoutesAndRedirectsPlainHttp() throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(nodes.base() + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("metrics and health only from the nodes themselves").isEqualTo(404);
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + nodes.proxy().httpPort() + "/fhir/metadata")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(301);
        assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1/fhir/metadata");
    }

    /**
     * Issue 66's concurrency test on two nodes behind the documented proxy: eight systems update the same Observations
     * at once, nginx spreading their requests over both nodes — first without {@code If-Match} (the last writer wins,
     * each version told once), then reading and naming the version read (200 or 412, nothing else). Both nodes served
     * updates, and the history never forked ({@link UpdateRace}).
     */
    @Test
    @Order(5)
    void concurrentUpdatesOnBothNodesNeverForkTheirHistory() throws Exception {
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        UpdateRace.on(client, nodes.base(), clients.context(), fhir, fhirToken, hospital, 2).lastWriterWins(8, 5);
        UpdateRace.on(client, nodes.base(), clients.context(), fhir, fhirToken, hospital, 2).versionAware(8, 5);

        List<String> updates = nodes.proxy().accessLog().stream().filter(line -> line.startsWith("PUT /fhir/Observation/"))
                .toList();
        assertThat(updates).as("nginx passed every update to a node").hasSizeGreaterThanOrEqualTo(2 * 8 * 5 * 2)
                .allMatch(line -> line.startsWith("PUT /fhir/Observation/") && (line.contains(" 200 ") || line.contains(" 412 ")));
        assertThat(updates).as("node 0 served updates").anyMatch(line -> line.contains("127.0.0.1:" + nodes.port(0)));
        assertThat(updates).as("node 1 served updates").anyMatch(line -> line.contains("127.0.0.1:" + nodes.port(1)));
    }

    /**
     * Node 0 stopped (SIGTERM, as systemctl stop), started, the documented wait, then (in the full run, {@link
     * #RESTARTED_NODES}) node 1 the same, while a hospital system sends transactions and a viewer reads, one request
     * after another, through nginx. Both nodes served transactions, node 0 also after its restart.
     */
    @Test
    @Order(6)
    void aRollingRestartUnderWritesLosesNothingAndFailsNoRequest() throws Exception {
        String first = createdObservations(transaction(FhirRecords.localId()).body()).getFirst();
        AtomicBoolean running = new AtomicBoolean(true);
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> answer = transaction(FhirRecords.localId());
                    if (answer.statusCode() == 200) {
                        acknowledged.addAll(createdObservations(answer.body()));
                    } else {
                        failures.add("POST /fhir " + answer.statusCode() + " " + answer.body());
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add("POST /fhir " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread reader = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> answer = get("/fhir/" + first);
                    if (answer.statusCode() == 200) {
                        reads.incrementAndGet();
                    } else {
                        failures.add("GET " + answer.statusCode() + " " + answer.body());
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add("GET " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        int sinceNode0Back = 0;
        try {
            for (int node = 0; node < RESTARTED_NODES; node++) {
                nodes.stop(node);
                nodes.start(node);
                if (node == 0) {
                    sinceNode0Back = nodes.proxy().accessLog().size();
                }
                Thread.sleep(WAIT_BETWEEN_RESTARTS.toMillis());
            }
            Thread.sleep(WAIT_BETWEEN_RESTARTS.toMillis()); // the load goes on a little after the last restart
        } finally {
            running.set(false);
            writer.join(Duration.ofMinutes(2));
            reader.join(Duration.ofMinutes(2));
        }
        System.out.printf("nginx rolling restart: %.1f s, wait %d ms between restarts, %d transactions acknowledged,"
                        + " %d reads, %d failed requests%s%n", (System.nanoTime() - started) / 1e9,
                WAIT_BETWEEN_RESTARTS.toMillis(), acknowledged.size(), reads.get(), failures.size(),
                failures.isEmpty() ? "" : ": " + failures);

        Set<String> stored = jdbc.sql("SELECT 'Observation/' || id FROM resource WHERE source_facility = ? AND type = "
                + "'Observation'").param(hospital.id()).query(String.class).set();
        assertThat(acknowledged).as("transactions acknowledged during the restarts").hasSizeGreaterThan(10);
        assertThat(stored).as("every acknowledged observation stored").containsAll(acknowledged);
        assertThat(failures).as("no request failed during the rolling restart").isEmpty();
        List<String> served = nodes.proxy().accessLog().stream().filter(line -> line.startsWith("POST /fhir 200 ")).toList();
        assertThat(served).as("node 0 served transactions").anyMatch(line -> line.contains("127.0.0.1:" + nodes.port(0)));
        assertThat(served).as("node 1 served transactions").anyMatch(line -> line.contains("127.0.0.1:" + nodes.port(1)));
        List<String> log = nodes.proxy().accessLog();
        assertThat(log.subList(sinceNode0Back, log.size())).as("node 0 served again once it was back")
                .anyMatch(line -> line.endsWith(" 200 127.0.0.1:" + nodes.port(0) + " 200"));
        assertThat(trail.verify().intact()).as("the audit chain written by both nodes").isTrue();
    }

    private HttpResponse<String> transaction(String localId) throws IOException, InterruptedException {
        String bundle = clients.context().newJsonParser().encodeResourceToString(
                FhirRecords.patientWithLab(hospital, localId, "ダイリ"));
        return client.send(HttpRequest.newBuilder(URI.create(nodes.base() + "/fhir"))
                .header("Authorization", "Bearer " + fhirToken).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(nodes.base() + path))
                .header("Authorization", "Bearer " + fhirToken).header("Accept", "application/fhir+json")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Observations a transaction's answer says it created ({@code Observation/<id>}). */
    private List<String> createdObservations(String answer) {
        Bundle response = clients.context().newJsonParser().parseResource(Bundle.class, answer);
        List<String> created = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : response.getEntry()) {
            String location = entry.getResponse().getLocation();
            if (location != null && location.startsWith("Observation/") && entry.getResponse().getStatus().startsWith("201")) {
                created.add(location.substring(0, location.indexOf("/_history") < 0 ? location.length()
                        : location.indexOf("/_history")));
            }
        }
        return created;
    }
}
