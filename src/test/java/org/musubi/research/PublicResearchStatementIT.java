package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.musubi.deid.DeidPipeline;
import org.musubi.policy.DataCategory;
import org.musubi.record.fhir.ResourceKind;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.research.extraction.ExtractionRunner;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.ResearchPatients;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 64, item 4: the public research page, read by a resident deciding whether to opt out, says what an approved
 * project's researchers receive — record-level de-identified data, which categories and items, of whom, what each
 * person's record carries, under which committee decision — and that statement is compared with what the project's
 * extraction actually holds: every file's resources are of a stated category, a category stated with items keeps only
 * those items' elements, each Patient carries only the stated quasi-identifiers, and every stated category is there.
 */
@MusubiIntegrationTest
class PublicResearchStatementIT extends NetworkFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ExtractionRunner runner;

    @Test
    void thePublicPageStatesExactlyWhatTheApprovedExtractionHolds() {
        Facility hospital = accounts.newHospital();
        User doctor = accounts.memberOf(hospital, Profession.DOCTOR);
        String town = ExtractionIT.town();
        LocalDate today = LocalDate.now(ResearchDesk.ZONE);
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        for (int i = 0; i < 8; i++) {
            ResearchPatients.create(clients, jdbc, fhir, hospital, "FEMALE", today.minusYears(60).minusDays(5 * i + 1),
                    town, "E11.9", new ArrayList<>());
        }
        WebSession researcher = accounts.signedIn(port, doctor);
        Map<String, String> form = ExtractionIT.application("公開ページの研究 " + town, "公表の確かめ", town, today);
        form.put("items.DIAGNOSES", "DIAGNOSIS_CODE");
        form.put("items.DIAGNOSES#2", "DIAGNOSIS_ONSET");
        long id = Long.parseLong(WebSession.location(ResearchForms.apply(researcher, form, ResearchForms.PDF))
                .replaceAll(".*/research/", ""));
        WebSession committee = accounts.signedIn(port, accounts.networkAdmin());
        assertThat(committee.post("/admin/research/" + id + "/decide", "confirmed", "yes", "decision", "APPROVED", "reason", "")
                .statusCode()).isEqualTo(302);

        // what a resident reads
        String page = new WebSession(port).get("/public/research").body();
        String lead = text(section(page, "<p class=\"lead\"", "</p>"));
        assertThat(lead).contains("一人ひとりの記録（レコード単位）を匿名化したデータ").doesNotContain("統計だけ");
        String project = section(page, "data-project=\"" + id + "\"", "</section>");
        String read = text(project);
        assertThat(read).contains("委員会の決定 " + today + "　承認")
                .contains("条件に合う人数の集計")
                .contains("一人ひとりの記録（レコード単位）を匿名化したデータ")
                .contains("病名：ICD-10 コードが E11 で始まるもの", "市区町村（登録住所）：" + town)
                .contains("病名：病名（コードと名称）、発症日")
                .contains("検査結果：すべての項目（匿名化の規則で加工したもの）")
                .contains("添えられるのは年齢の幅、性別、市区町村、初めての記録の月だけです（同じ組み合わせの方が 5 人以上")
                .contains("氏名、住所（市区町村より細かいもの）、電話番号、生年月日")
                .doesNotContain("icd10=", "[]", "onsetDateTime");
        Set<String> statedCategories = values(project, "<li data-category=\"([A-Z_]+)\"");
        Set<String> statedItems = values(project, "data-item=\"([A-Z_]+)\"");
        Set<String> statedQis = values(project, "data-qi=\"([A-Z_]+)\"");
        assertThat(statedCategories).containsExactlyInAnyOrder("DIAGNOSES", "LAB_RESULTS");

        // what the extraction holds
        String started = WebSession.location(researcher.post("/research/" + id + "/extractions"))
                .replaceAll("^https?://[^/]+", "");
        long extraction = Long.parseLong(started.replaceAll(".*/extractions/", ""));
        runner.drain();
        assertThat(researcher.get(started).body()).contains("data-state=\"DONE\"");
        String files = "/research/" + id + "/extractions/" + extraction + "/files/";
        Set<String> types = values(researcher.get(started).body(), "data-file=\"([A-Za-z]+)\\.ndjson\"");
        assertThat(types).contains("Patient", "Condition", "Observation");

        Set<String> categoriesOut = new HashSet<>();
        for (String type : types) {
            for (JsonNode r : ndjson(researcher, files + type + ".ndjson")) {
                if (type.equals("Patient")) {
                    assertPatientCarriesOnly(r, statedQis);
                    continue;
                }
                String category = category(r).name();
                categoriesOut.add(category);
                assertThat(statedCategories).as("%s is of a category the page states", type).contains(category);
                Set<String> allowed = DataItem.of(DataCategory.valueOf(category)).stream()
                        .filter(i -> statedItems.contains(i.name())).flatMap(i -> i.elements().stream())
                        .collect(Collectors.toSet());
                if (!allowed.isEmpty()) {
                    List<String> kept = new ArrayList<>(r.propertyNames());
                    kept.removeAll(DeidPipeline.ALWAYS_KEPT);
                    assertThat(allowed).as("%s keeps only the items the page names", type).containsAll(kept);
                }
            }
        }
        assertThat(categoriesOut).as("every stated category is released, nothing else")
                .isEqualTo(statedCategories);
    }

    private static void assertPatientCarriesOnly(JsonNode patient, Set<String> statedQis) {
        assertThat(patient.propertyNames()).isSubsetOf(Set.of("resourceType", "id", "meta", "extension", "gender",
                "address"));
        assertThat(patient.has("birthDate")).isFalse();
        patient.path("address").forEach(a -> assertThat(a.propertyNames()).isSubsetOf(Set.of("state", "city")));
        Set<String> carried = new HashSet<>();
        patient.path("extension").forEach(e -> e.path("extension")
                .forEach(part -> carried.add(part.path("url").asString().toUpperCase(java.util.Locale.ROOT))));
        assertThat(carried).as("the quasi-identifiers the page names").isEqualTo(statedQis);
    }

    /** The category the policy gives a released resource (an Observation of vital signs is VITALS). */
    private static DataCategory category(JsonNode r) {
        String type = r.path("resourceType").asString();
        if (type.equals("Observation") && r.path("category").toString().contains("\"vital-signs\"")) {
            return DataCategory.VITALS;
        }
        return ResourceKind.of(type).orElseThrow().category();
    }

    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    /** The text a person reads: tags dropped, blanks folded. */
    private static String text(String html) {
        return html.replaceAll("^[^>]*>", "").replaceAll("<dt[^>]*>", " ").replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static Set<String> values(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static List<JsonNode> ndjson(WebSession web, String path) {
        HttpResponse<byte[]> got = web.getBytes(path);
        assertThat(got.statusCode()).as(path).isEqualTo(200);
        return new String(got.body(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .map(JSON::readTree).toList();
    }
}
