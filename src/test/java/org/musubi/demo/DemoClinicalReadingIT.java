package org.musubi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.emergency.dataset.EmergencyDataset;
import org.musubi.emergency.dataset.MinimumDataset;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.RegisteredPerson;
import org.musubi.record.Reader;
import org.musubi.registry.Administrator;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.ApiClientAdministration;
import org.musubi.security.ApiScope;
import org.musubi.testing.WebSession;

/**
 * What a clinician reads on the demo is right (issue 63): the demo's story, told in the README's tours, read back.
 * <ul>
 * <li>青木 勇 (the first tour's patient) takes amlodipine 5 mg now — prescribed by the hospital and by a clinic,
 * dispensed by the pharmacy — and nothing of his July stay's drips (維持液, セファゾリン, ファモチジン, アセトアミノフェン静注)
 * nor his 2025 diabetes drugs: his お薬 tab, the letter doctor1 starts and his emergency dataset (what the crews and
 * {@code $summary} show) list amlodipine once;</li>
 * <li>大野 多恵子 (the second tour's resident) takes the two drugs her pharmacy fills every few weeks, atorvastatin and
 * amlodipine: her notebook's いま飲んでいるお薬 lists those two, each once, every earlier fill folded below; the letter her
 * hospital's doctor starts and her emergency dataset list the same two; the OTC paracetamol she wrote both on her
 * 命の宝箱 and among her own medicines is listed once;</li>
 * <li>every demo patient's header lists each diagnosis once, in words.</li>
 * </ul>
 */
class DemoClinicalReadingIT extends StartedDemo {

    private static final Pattern DRUG_ROW = Pattern.compile("<details class=\"drug[^\"]*\"[^>]*>.*?<tr data-entry=[^>]*>"
            + "\\s*<td>[^<]*</td>\\s*<td>.*?</td>\\s*<td><span>([^<]*)</span>", Pattern.DOTALL);
    private static final Pattern LETTER_MEDICINE = Pattern.compile("name=\"medicines\\[\\d+]\\.text\" value=\"([^\"]*)\"");
    private static final Pattern PROBLEM_TITLE = Pattern.compile("<span class=\"problem-title\">([^<]*)</span>");
    private static final Pattern PATIENT_LINK = Pattern.compile("href=\"/portal/patients/(\\d+)\">([^<]+)</a>");

    @Test
    void aokiIsamuTakesAmlodipineAloneOnEverySurface() {
        RegisteredPerson aoki = person("青木", "勇");
        WebSession doctor = DemoServer.signIn(port, "/login", "doctor1");
        String medications = doctor.get("/portal/patients/" + aoki.id() + "/medications").body();

        assertThat(currentDrugs(medications)).as("the お薬 tab's current lines, by their newest prescription or dispensing")
                .containsExactly("アムロジピン錠5mg");
        assertThat(section(medications, "medications-past")).as("the stay's drips are history")
                .contains("維持液", "セファゾリン");
        assertThat(letterMedicines(doctor, aoki.id())).as("the letter's 現在の処方").containsExactly("アムロジピン錠5mg");
        assertThat(datasetMedicines("doctor1", aoki.id())).as("the crews' dataset")
                .containsExactly("アムロジピンベシル酸塩 5mg1錠");
        assertThat(summaryMedicines("doctor1", aoki.id())).as("Patient/$summary's medication section")
                .singleElement().asString().startsWith("アムロジピンベシル酸塩 5mg1錠、1日1回朝食後、");
    }

    @Test
    void onoTaekoTakesHerTwoDrugsOnEverySurfaceEachOnce() {
        RegisteredPerson ono = person("大野", "多恵子");
        WebSession resident = DemoServer.signIn(port, "/phr/login", "resident1");
        String notebook = resident.get("/phr/medicines").body();
        String current = notebook.substring(notebook.indexOf("いま飲んでいるお薬"), notebook.indexOf("以前のお薬"));

        List<String> shown = new ArrayList<>();
        Matcher newest = Pattern.compile("<p class=\"med-newest\"[^>]*>\\s*<span>[^<]*</span>\\s*<span>([^<]*)</span>")
                .matcher(current);
        while (newest.find()) {
            shown.add(newest.group(1));
        }
        assertThat(shown).as("いま飲んでいるお薬: each drug once, by its newest fill")
                .containsExactlyInAnyOrder("アトルバスタチン錠10mg", "アムロジピン錠5mg");
        assertThat(current).as("the earlier fills folded below, not open").contains("<details class=\"med-earlier\">")
                .doesNotContain("<details class=\"med-earlier\" open");

        WebSession doctor = DemoServer.signIn(port, "/login", "doctor3");
        assertThat(letterMedicines(doctor, ono.id())).as("the letter's 現在の処方")
                .containsExactlyInAnyOrder("アトルバスタチン錠10mg", "アムロジピン錠5mg");
        EmergencyDataset dataset = dataset("doctor3", ono.id());
        assertThat(dataset.medicines()).extracting(EmergencyDataset.Medicine::name).as("the crews' dataset")
                .hasSize(2).anySatisfy(n -> assertThat(n).startsWith("アトルバスタチン"))
                .anySatisfy(n -> assertThat(n).startsWith("アムロジピン"));
        assertThat(dataset.reported().medicines()).extracting(m -> m.name()).as("her own medicines, each once")
                .doesNotHaveDuplicates().contains("アセトアミノフェン錠（市販薬）");
        assertThat(summaryMedicines("doctor3", ono.id())).as("Patient/$summary's medication section: her two drugs, "
                + "then what she reported herself").filteredOn(l -> !l.contains("本人記入")).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("アトルバスタチン"))
                .anySatisfy(l -> assertThat(l).startsWith("アムロジピン"));
    }

    @Test
    void everyDemoPatientsHeaderListsEachDiagnosisOnceInWords() {
        Set<String> seen = new HashSet<>();
        int patients = 0;
        for (String role : List.of("doctor1", "doctor3", "nurse8", "caremanager1")) {
            WebSession web = DemoServer.signIn(port, "/login", role);
            Matcher link = PATIENT_LINK.matcher(web.get("/").body());
            Set<String> ids = new LinkedHashSet<>();
            while (link.find()) {
                ids.add(link.group(1));
            }
            for (String id : ids) {
                if (!seen.add(id)) {
                    continue;
                }
                String page = web.get("/portal/patients/" + id).body();
                int at = page.indexOf("id=\"problems\"");
                if (at < 0) {
                    continue;
                }
                patients++;
                String header = page.substring(at, page.indexOf("</p>", at));
                List<String> titles = new ArrayList<>();
                Matcher title = PROBLEM_TITLE.matcher(header);
                while (title.find()) {
                    titles.add(title.group(1));
                }
                assertThat(titles).as(role + ": patient " + id + "'s diagnoses").isNotEmpty().doesNotHaveDuplicates()
                        .allSatisfy(t -> assertThat(t).doesNotContain("[", "=", "(?)", "null"));
                assertThat(header).doesNotContain("Problem[", "marks=", "=[]");
            }
        }
        assertThat(patients).as("the demo's patients with diagnoses seen").isGreaterThanOrEqualTo(10);
    }

    private RegisteredPerson person(String family, String given) {
        return server.getBean(IdentityStore.class).personsWithPatientsAt(null, 1000).stream()
                .filter(p -> p.person().familyKanji().equals(family) && p.person().givenKanji().equals(given))
                .findFirst().orElseThrow();
    }

    /** The current lines of the お薬 tab, each by its newest prescription or dispensing's drug. */
    private static List<String> currentDrugs(String page) {
        List<String> drugs = new ArrayList<>();
        Matcher row = DRUG_ROW.matcher(section(page, "medications-current"));
        while (row.find()) {
            drugs.add(row.group(1));
        }
        return drugs;
    }

    private static String section(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isGreaterThanOrEqualTo(0);
        return page.substring(at, page.indexOf("</section>", at));
    }

    private static List<String> letterMedicines(WebSession doctor, long person) {
        List<String> medicines = new ArrayList<>();
        Matcher m = LETTER_MEDICINE.matcher(doctor.get("/portal/patients/" + person + "/letters/new?kind=REFERRAL").body());
        while (m.find()) {
            if (!m.group(1).isEmpty()) {
                medicines.add(m.group(1));
            }
        }
        return medicines;
    }

    private List<String> datasetMedicines(String loginId, long person) {
        return dataset(loginId, person).medicines().stream().map(EmergencyDataset.Medicine::name).toList();
    }

    /**
     * The lines of the medication section (LOINC 10160-0) of {@code Patient/<id>/$summary}, as the doctor's facility's
     * system reads it over the FHIR API (a client the demo's operator registers for it), the alerts left out.
     */
    private List<String> summaryMedicines(String loginId, long person) {
        User user = server.getBean(Users.class).findByLoginId(loginId).orElseThrow();
        User admin = server.getBean(Users.class).findByLoginId("admin").orElseThrow();
        var client = server.getBean(ApiClientAdministration.class).register(new Administrator(admin.id(), true, Set.of()),
                user.actingFacilityId().orElseThrow(), "試験用システム", Set.of(ApiScope.parse("system/*.read")));
        HttpClient http = HttpClient.newHttpClient();
        try {
            String form = "grant_type=client_credentials&client_id=" + client.client().clientId() + "&client_secret="
                    + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8);
            String token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                    .body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            String summary = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/"
                            + person + "/$summary")).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Bundle document = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, summary);
            Composition composition = (Composition) document.getEntryFirstRep().getResource();
            String div = composition.getSection().stream()
                    .filter(x -> x.getCode().getCoding().stream().anyMatch(c -> "10160-0".equals(c.getCode())))
                    .findFirst().orElseThrow().getText().getDivAsString();
            List<String> lines = new ArrayList<>();
            Matcher item = Pattern.compile("<li>([^<]*)</li>").matcher(div);
            while (item.find()) {
                lines.add(item.group(1));
            }
            return lines.stream().filter(l -> !l.startsWith("⚠")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The emergency dataset as a treating doctor of the demo reads it (the crews' screen and $summary show it). */
    private EmergencyDataset dataset(String loginId, long person) {
        User user = server.getBean(Users.class).findByLoginId(loginId).orElseThrow();
        var read = server.getBean(MinimumDataset.class).read(new Reader(user.id(), user.actingFacilityId().orElseThrow(),
                Purpose.TREATMENT), person);
        assertThat(read.permitted()).as(loginId + " reads the dataset").isTrue();
        return read.value();
    }
}
