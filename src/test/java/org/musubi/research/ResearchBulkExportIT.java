package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.client.interceptor.CookieInterceptor;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.research.extraction.ExtractionRunner;
import org.musubi.research.extraction.Extractions;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.ResearchPatients;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An approved research project's cohort as a FHIR Bulk Data export (issue 48, item 4), with a real HAPI client: the
 * named doctor's program (the doctor's signed-in session, {@code X-Purpose-Of-Use: HRESCH}) kicks off
 * {@code Group/research-<project>/$export}, polls, reads the manifest and downloads the NDJSON; what comes is the
 * project's de-identified extraction — no name, address, phone, identifier or exact birth date, the cohort's members
 * only, the opted-out person absent, the counts those of the extraction's report —, with exactly one audit row per
 * kick-off, status, download and refusal and the extraction's one release row. {@code _type} narrows to the approved
 * types (another is 400, naming it); {@code _since} is 400; the purpose of research at system and Patient level, a
 * session without it, a closed or refused project are refused as before; DELETE cancels.
 */
@MusubiIntegrationTest
class ResearchBulkExportIT extends NetworkFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OUTPUT = Pattern.compile(
            "\\{\"type\":\"([A-Za-z]+)\",\"url\":\"([^\"]+)\",\"count\":([0-9]+)}");

    @Autowired
    ExtractionRunner runner;
    @Autowired
    Extractions extractions;
    @Autowired
    ResearchDesk desk;
    @Autowired
    DecideResearchProject decisions;

    @Test
    void theNamedResearchersBulkClientGetsTheProjectsDeidentifiedCohortOnly() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        String town = ResearchPatients.town();
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        IGenericClient writer = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        List<String> secrets = new ArrayList<>();
        List<LocalDate> births = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            births.add(today.minusYears(50).minusDays(3 * i + 1));
            ResearchPatients.create(clients, jdbc, writer, hospital, "MALE", births.getLast(), town, "E11.9", secrets);
        }
        births.add(today.minusYears(88).minusDays(40));
        ResearchPatients.create(clients, jdbc, writer, hospital, "FEMALE", births.getLast(), town, "E11.65", secrets);
        long optedOut = ResearchPatients.create(clients, jdbc, writer, hospital, "MALE", today.minusYears(50).minusDays(100),
                town, "E11.8", secrets);
        // in the town, but not in the cohort (no E11)
        ResearchPatients.create(clients, jdbc, writer, hospital, "MALE", today.minusYears(50).minusDays(7), town, "I10",
                secrets);

        WebSession researcher = accounts.signedIn(port, doctor);
        long project = approved(researcher, ExtractionIT.application("一括出力の研究 " + town, "経過", town, today));
        WebSession committee = accounts.signedIn(port, accounts.networkAdmin());
        committee.post("/admin/persons/" + optedOut + "/research-opt-out", "optOut", "true");
        IGenericClient program = program(researcher);
        long before = audit.max();

        MethodOutcome kicked = program.operation().onInstance(new IdType("Group", "research-" + project))
                .named("$export").withNoParameters(Parameters.class).useHttpGet()
                .withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
        assertThat(kicked.getResponseStatusCode()).isEqualTo(202);
        String status = header(kicked, "Content-Location");
        assertThat(status).matches("http://localhost:" + port + "/fhir/bulk/research-[0-9]+");
        long extraction = Long.parseLong(status.replaceAll(".*research-", ""));
        HttpResponse<String> waiting = get(researcher, status);
        if (waiting.statusCode() == 202) {
            assertThat(waiting.headers().firstValue("X-Progress").orElseThrow()).isIn("queued", "running");
        }
        runner.drain();
        HttpResponse<String> done = get(researcher, status);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("\"requiresAccessToken\":true", "\"error\":[]",
                "\"request\":\"http://localhost:" + port + "/fhir/Group/research-" + project + "/$export\"")
                .doesNotContain("report");
        Map<String, List<JsonNode>> files = download(researcher, done.body());
        assertThat(files.keySet()).containsExactlyInAnyOrder("Patient", "Condition", "Observation");

        // de-identified: nothing that identifies, no exact birth date
        String all = files.values().stream().flatMap(List::stream).map(JsonNode::toString)
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(all).doesNotContain("\"name\"", "\"identifier\"", "\"telecom\"", "\"line\"", "\"postalCode\"",
                "\"birthDate\"", "\"note\"", ResearchPatients.PHONE, "本町", "7300011");
        assertThat(secrets).allSatisfy(secret -> assertThat(all).doesNotContain(secret));
        assertThat(births).allSatisfy(born -> assertThat(all).doesNotContain(born.toString()));
        // the cohort only: the opted-out person and the one without E11 absent; the counts are the report's
        JsonNode report = JSON.readTree(extractions.find(extraction).orElseThrow().report());
        assertThat(report.path("cohort").path("selected").asInt()).isEqualTo(12);
        assertThat(all).doesNotContain("E11.8\"", "I10\"");
        for (Map.Entry<String, List<JsonNode>> file : files.entrySet()) {
            assertThat(file.getValue()).as(file.getKey())
                    .hasSize(report.path("resources").path("outByType").path(file.getKey()).asInt());
        }
        assertThat(files.get("Patient")).hasSize(12 - report.path("kAnonymity").path("suppressedPersons").asInt())
                .allSatisfy(p -> assertThat(ExtractionIT.quasiIdentifiers(p)).hasSize(4));

        // exactly: the kick-off, two status reads, the release (the door's row), one row per download
        List<AuditRows.Row> rows = audit.rows(before, doctor.loginId());
        assertThat(rows).extracting(r -> r.action() + " " + r.outcome() + " " + r.resourceType())
                .containsExactlyInAnyOrder("CREATE PERMIT ResearchExtraction", "READ PERMIT ResearchExtraction",
                        "READ PERMIT ResearchExtraction", "EXPORT PERMIT ResearchProject",
                        "EXPORT PERMIT ResearchExtraction", "EXPORT PERMIT ResearchExtraction",
                        "EXPORT PERMIT ResearchExtraction");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.purpose()).isEqualTo("RESEARCH");
            assertThat(r.patientId()).isNull();
        });
        assertThat(rows.getFirst().reason()).contains("Group research-" + project, "extraction " + extraction + " started");
        assertThat(rows).filteredOn(r -> "ResearchProject".equals(r.resourceType())).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("policy.permit.deidentifiedRelease",
                        "extraction " + extraction));

        // _type narrows to approved types: a second export of Conditions only; a type not approved is named in a 400
        MethodOutcome narrowed = program.operation().onInstance(new IdType("Group", "research-" + project))
                .named("$export").withParameter(Parameters.class, "_type", new StringType("Condition")).useHttpGet()
                .withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
        String conditions = header(narrowed, "Content-Location");
        assertThat(conditions).endsWith("?_type=Condition").doesNotContain("research-" + extraction + "?");
        runner.drain();
        HttpResponse<String> onlyConditions = get(researcher, conditions);
        assertThat(outputs(onlyConditions.body())).extracting(o -> o[0]).containsExactly("Condition");
        before = audit.max();
        assertThatThrownBy(() -> program.operation().onInstance(new IdType("Group", "research-" + project))
                .named("$export").withParameter(Parameters.class, "_type", new StringType("Condition,MedicationRequest"))
                .useHttpGet().withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("MedicationRequest");
        assertThatThrownBy(() -> program.operation().onInstance(new IdType("Group", "research-" + project))
                .named("$export").withParameter(Parameters.class, "_since", new StringType("2026-01-01T00:00:00+09:00"))
                .useHttpGet().withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("_since");
        assertThat(audit.since(before, doctor.loginId())).containsExactly(
                "ACCESS_DENIED DENY bulk.typeNotApproved 400", "ACCESS_DENIED DENY bulk.badRequest 400");

        // DELETE cancels: the status and files answer 404 afterwards, each once audited
        String file = outputs(onlyConditions.body()).getFirst()[1];
        before = audit.max();
        assertThat(researcher.send(HttpRequest.newBuilder(URI.create(conditions)).DELETE()).statusCode())
                .isEqualTo(202);
        assertThat(get(researcher, conditions).statusCode()).isEqualTo(404);
        assertThat(get(researcher, file).statusCode()).isEqualTo(404);
        assertThat(audit.since(before, doctor.loginId())).extracting(r -> r.split(" ")[0] + " " + r.split(" ")[1])
                .containsExactly("DELETE PERMIT", "READ DENY", "EXPORT DENY");
        long cancelled = Long.parseLong(conditions.replaceAll(".*research-|\\?.*", ""));
        assertThat(jdbc.sql("SELECT files_deleted_at IS NOT NULL FROM research_extraction WHERE id = ?")
                .param(cancelled).query(Boolean.class).single()).as("its files deleted").isTrue();
    }

    @Test
    void researchStillNeverReachesTheRecordAndOnlyAnOpenProjectsNamedUserItsGroup() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        String town = ResearchPatients.town();
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        WebSession researcher = accounts.signedIn(port, doctor);
        long open = approved(researcher, ExtractionIT.application("開いている研究 " + town, "経過", town, today));
        long closed = approved(researcher, ExtractionIT.application("終えた研究 " + town, "経過", town, today));
        desk.close(new Researcher(doctor.id(), false, true), closed);
        long refused = applied(researcher, ExtractionIT.application("断られた研究 " + town, "経過", town, today));
        decisions.decide(new Researcher(accounts.networkAdmin().id(), true, false), refused, ProjectStatus.REFUSED, null,
                "倫理審査の不備");
        researcher.withHeader("Prefer", "respond-async");

        Map<String, Integer> asked = new LinkedHashMap<>();
        asked.put("/fhir/$export", 403);
        asked.put("/fhir/Patient/$export", 403);
        asked.put("/fhir/Group/research-" + closed + "/$export", 404);
        asked.put("/fhir/Group/research-" + refused + "/$export", 404);
        asked.put("/fhir/Group/research-" + (open + 1_000_000) + "/$export", 404);
        asked.put("/fhir/Group/" + open + "/$export", 404);
        HttpResponse<String> unknown = research(researcher, "/fhir/Group/research-" + (open + 1_000_000) + "/$export");
        for (Map.Entry<String, Integer> attempt : asked.entrySet()) {
            long before = audit.max();
            HttpResponse<String> answer = research(researcher, attempt.getKey());
            assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(attempt.getValue());
            assertThat(audit.since(before, doctor.loginId())).as(attempt.getKey()).singleElement().asString()
                    .contains("DENY");
            if (attempt.getValue() == 404) {
                String group = attempt.getKey().replaceAll("/fhir/|/\\$export", "");
                assertThat(answer.body().replace(group, "Group/X")).as(attempt.getKey()).isEqualTo(unknown.body()
                        .replace("Group/research-" + (open + 1_000_000), "Group/X"));
            } else {
                assertThat(answer.body()).contains("de-identified extraction");
            }
        }
        long before = audit.max();
        assertThat(researcher.get("/fhir/Group/research-" + open + "/$export").statusCode())
                .as("without the purpose of research: a session exports nothing").isEqualTo(403);
        assertThat(audit.since(before, doctor.loginId())).containsExactly("ACCESS_DENIED DENY bulk.systemsOnly 403");
        assertThat(jdbc.sql("SELECT count(*) FROM research_extraction WHERE project_id IN (?, ?, ?)")
                .params(open, closed, refused).query(Long.class).single()).as("nothing queued").isZero();
    }

    /** The researcher's program: a HAPI client with the researcher's session and the purpose of research. */
    private IGenericClient program(WebSession researcher) {
        IGenericClient client = clients.context().newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new CookieInterceptor(researcher.cookieHeader()));
        AdditionalRequestHeadersInterceptor purpose = new AdditionalRequestHeadersInterceptor();
        purpose.addHeaderValue("X-Purpose-Of-Use", "HRESCH");
        client.registerInterceptor(purpose);
        return client;
    }

    /** An application sent and approved by the committee; the project's id. */
    private long approved(WebSession researcher, Map<String, String> form) {
        long id = applied(researcher, form);
        assertThat(accounts.signedIn(port, accounts.networkAdmin()).post("/admin/research/" + id + "/decide",
                "confirmed", "yes", "decision", "APPROVED", "reason", "").statusCode()).isEqualTo(302);
        return id;
    }

    private static long applied(WebSession researcher, Map<String, String> form) {
        return Long.parseLong(WebSession.location(ResearchForms.apply(researcher, form, ResearchForms.PDF))
                .replaceAll(".*/research/", ""));
    }

    private static HttpResponse<String> research(WebSession web, String path) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path)).GET()
                .header("Accept", "application/fhir+json").header("X-Purpose-Of-Use", "HRESCH"));
    }

    private static HttpResponse<String> get(WebSession web, String url) {
        return web.send(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "application/fhir+json"));
    }

    private static String header(MethodOutcome outcome, String name) {
        return outcome.getResponseHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst().orElseThrow().getValue().getFirst();
    }

    /** Each output: {type, url, count}. */
    private static List<String[]> outputs(String manifest) {
        List<String[]> outputs = new ArrayList<>();
        Matcher m = OUTPUT.matcher(manifest);
        while (m.find()) {
            outputs.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        return outputs;
    }

    /** Every file of the manifest, downloaded with the session and parsed (HAPI checks each line's type). */
    private Map<String, List<JsonNode>> download(WebSession web, String manifest) {
        IParser parser = clients.context().newJsonParser();
        Map<String, List<JsonNode>> files = new LinkedHashMap<>();
        for (String[] output : outputs(manifest)) {
            HttpResponse<String> file = get(web, output[1]);
            assertThat(file.statusCode()).as(output[1]).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
            List<JsonNode> lines = new ArrayList<>();
            for (String line : file.body().split("\n")) {
                if (!line.isBlank()) {
                    IBaseResource resource = parser.parseResource(line);
                    assertThat(resource.fhirType()).isEqualTo(output[0]);
                    lines.add(JSON.readTree(line));
                }
            }
            assertThat(lines).as(output[0]).hasSize(Integer.parseInt(output[2]));
            files.put(output[0], lines);
        }
        return files;
    }
}
