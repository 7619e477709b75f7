package org.musubi.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.registry.profile.FacilityProfile;
import org.musubi.registry.profile.FacilityProfiles;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public site over real HTTP without a login: the search's filters, the 開示病院一覧 with its cards, what is never
 * shown (unlisted, suspended, left, not yet joined, the health notebook's own source), nothing about any person or
 * user, the per-address limit, and the operators' profile edit with its audit row.
 */
@MusubiIntegrationTest
class PublicSiteIT extends NetworkFixtures {

    private static final String DIGIT_KANA = "アイウエオカキクケコ";
    private static final Pattern FACILITY_NAME = Pattern.compile("class=\"facility-name\">([^<]*)<");

    @Autowired
    Facilities facilities;
    @Autowired
    FacilityProfiles profiles;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Test
    void theSearchFiltersByNameKindMunicipalityAndRole() {
        Tag tag = new Tag();
        Facility hospital = facility(tag, "病院", "ビョウイン", FacilityKind.HOSPITAL, true, true, FacilityStatus.ACTIVE,
                tag.city() + "北区", true, today.minusMonths(3), null);
        Facility clinic = facility(tag, "内科", "ナイカ", FacilityKind.CLINIC, false, true, FacilityStatus.ACTIVE,
                tag.city() + "南区", true, today.minusYears(2), null);
        Facility pharmacy = facility(tag, "薬局", "ヤッキョク", FacilityKind.PHARMACY, true, false, FacilityStatus.ACTIVE,
                "呉市", true, today, null);
        WebSession visitor = visitor();

        assertThat(names(visitor, "/public/facilities?name=" + enc(tag.kanji())))
                .as("by kana").containsExactly(clinic.nameKanji(), hospital.nameKanji(), pharmacy.nameKanji());
        assertThat(names(visitor, "/public/facilities?name=" + enc(tag.hiragana())))
                .as("hiragana finds the katakana names").hasSize(3);
        assertThat(names(visitor, "/public/facilities?name=" + enc(tag.kanji()) + "&kind=CLINIC"))
                .containsExactly(clinic.nameKanji());
        assertThat(names(visitor, "/public/facilities?name=" + enc(tag.kanji()) + "&role=DISCLOSING"))
                .containsExactly(hospital.nameKanji(), pharmacy.nameKanji());
        assertThat(names(visitor, "/public/facilities?name=" + enc(tag.kanji()) + "&role=VIEWING"))
                .containsExactly(clinic.nameKanji(), hospital.nameKanji());
        assertThat(names(visitor, "/public/facilities?municipality=" + enc(tag.city() + "南区")))
                .containsExactly(clinic.nameKanji());
        assertThat(names(visitor, "/public/facilities?municipality=" + enc(tag.city())))
                .as("a ward-city covers its wards").containsExactly(clinic.nameKanji(), hospital.nameKanji());
        assertThat(names(visitor, "/public/facilities?name=" + enc(tag.kanji()) + "&kind=NOPE&role=NOPE&page=x"))
                .as("unknown values are ignored").hasSize(3);

        HttpResponse<String> page = visitor.get("/public/facilities?municipality=" + enc(tag.city()));
        assertThat(page.body()).contains("<option value=\"" + tag.city() + "\"", "<option value=\"" + tag.city() + "南区\"",
                hospital.address(), "082-555-0101", "開示（診療情報を提供）", "参照（診療情報を閲覧）");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void theSearchIsPaged() {
        Tag tag = new Tag();
        for (int i = 0; i < 23; i++) {
            facility(tag, "薬局" + i, "ヤッキョク", FacilityKind.PHARMACY, true, true, FacilityStatus.ACTIVE, "呉市", true,
                    today.minusDays(1), null);
        }
        WebSession visitor = visitor();
        HttpResponse<String> first = visitor.get("/public/facilities?name=" + enc(tag.kanji()));
        assertThat(names(first)).hasSize(20);
        assertThat(first.body()).contains("data-total=\"23\"", "id=\"page-next\"");
        assertThat(names(visitor, "/public/facilities?name=" + enc(tag.kanji()) + "&page=2")).hasSize(3);
    }

    @Test
    void unlistedSuspendedLeftAndNotYetJoinedFacilitiesAndTheNotebooksSourceAreNeverShown() {
        Tag tag = new Tag();
        Facility shown = facility(tag, "病院", "ビョウイン", FacilityKind.HOSPITAL, true, true, FacilityStatus.ACTIVE,
                tag.city(), true, today.minusMonths(1), null);
        List<Facility> hidden = List.of(
                facility(tag, "非掲載病院", "ヒケイサイ", FacilityKind.HOSPITAL, true, true, FacilityStatus.ACTIVE,
                        tag.city(), false, today.minusMonths(1), null),
                facility(tag, "休止病院", "キュウシ", FacilityKind.HOSPITAL, true, true, FacilityStatus.SUSPENDED,
                        tag.city(), true, today.minusMonths(1), null),
                facility(tag, "退会病院", "タイカイ", FacilityKind.HOSPITAL, true, true, FacilityStatus.ACTIVE,
                        tag.city(), true, today.minusMonths(6), today.minusDays(1)),
                facility(tag, "参加前病院", "サンカマエ", FacilityKind.HOSPITAL, true, true, FacilityStatus.ACTIVE,
                        tag.city(), true, today.plusDays(3), null));
        Facility notebook = facilities.personalHealthRecord().orElseThrow();
        WebSession visitor = visitor();
        for (String path : List.of("/public/facilities?name=" + enc(tag.kanji()),
                "/public/facilities?municipality=" + enc(tag.city()), "/public/disclosing",
                "/public/disclosing?municipality=" + enc(tag.city()))) {
            String body = visitor.get(path).body();
            assertThat(body).as(path).contains(shown.nameKanji()).doesNotContain(notebook.nameKanji());
            hidden.forEach(f -> assertThat(body).as(path).doesNotContain(f.nameKanji()));
        }
        for (int page = 1; page <= 100; page++) {
            HttpResponse<String> all = visitor.get("/public/facilities?page=" + page);
            assertThat(all.body()).doesNotContain(notebook.nameKanji());
            if (!all.body().contains("id=\"page-next\"")) {
                break;
            }
        }
        // the demo network's own: its unlisted facility and the one that left last month are not shown either
        Set<Long> demo = Set.copyOf(jdbc.sql("SELECT id FROM facility ORDER BY id LIMIT 13").query(Long.class).list());
        List<FacilityProfile> demoHidden = profiles.all().stream().filter(p -> demo.contains(p.facilityId()))
                .filter(p -> !p.listed() || !p.partOn(today)).toList();
        assertThat(demoHidden).as("the demo's unlisted facility and the one that left").hasSizeGreaterThanOrEqualTo(2);
        String disclosing = visitor.get("/public/disclosing").body();
        for (FacilityProfile p : demoHidden) {
            facilities.find(p.facilityId()).ifPresent(f -> assertThat(disclosing).doesNotContain(f.nameKanji()));
        }
    }

    @Test
    void theDisclosingListGroupsByMunicipalityHospitalsFirstWithTheirCards() {
        Tag tag = new Tag();
        Facility pharmacy = facility(tag, "薬局", "アア", FacilityKind.PHARMACY, true, true, FacilityStatus.ACTIVE,
                tag.city(), true, today.minusMonths(2), null, AcceptedCard.REGIONAL);
        Facility hospital = facility(tag, "病院", "ンン", FacilityKind.HOSPITAL, true, true, FacilityStatus.ACTIVE,
                tag.city(), true, today.minusMonths(2), null, AcceptedCard.REGIONAL, AcceptedCard.DISCLOSURE,
                AcceptedCard.MY_NUMBER);
        Facility viewer = facility(tag, "診療所", "イイ", FacilityKind.CLINIC, false, true, FacilityStatus.ACTIVE,
                tag.city(), true, today.minusMonths(2), null);
        Facility elsewhere = facility(tag, "他市病院", "ウウ", FacilityKind.HOSPITAL, true, true, FacilityStatus.ACTIVE,
                "呉市", true, today.minusMonths(2), null, AcceptedCard.REGIONAL, AcceptedCard.DISCLOSURE);
        WebSession visitor = visitor();

        String filtered = visitor.get("/public/disclosing?municipality=" + enc(tag.city())).body();
        assertThat(names(filtered)).containsExactly(hospital.nameKanji(), pharmacy.nameKanji());
        assertThat(filtered).contains("data-municipality=\"" + tag.city() + "\"").doesNotContain("data-municipality=\"呉市\"")
                .doesNotContain(viewer.nameKanji()).doesNotContain(elsewhere.nameKanji());
        String hospitalCard = filtered.substring(filtered.indexOf(hospital.nameKanji()), filtered.indexOf(pharmacy.nameKanji()));
        assertThat(hospitalCard).contains("地域連携カード", "病院の開示カード", "マイナンバーカード");
        String pharmacyCard = filtered.substring(filtered.indexOf(pharmacy.nameKanji()));
        pharmacyCard = pharmacyCard.substring(0, pharmacyCard.indexOf("</li>\n    </ul>") > 0
                ? pharmacyCard.indexOf("</li>\n    </ul>") : pharmacyCard.length());
        assertThat(pharmacyCard).contains("地域連携カード").doesNotContain("病院の開示カード", "マイナンバーカード");

        String everywhere = visitor.get("/public/disclosing").body();
        assertThat(everywhere).contains(hospital.nameKanji(), elsewhere.nameKanji(), "data-municipality=\"呉市\"");
        String english = visitor.get("/public/disclosing?lang=en&municipality=" + enc(tag.city())).body();
        assertThat(english).contains("Disclosing hospitals", "disclosure card", "My Number card");
    }

    /**
     * Issue 67: the network's address is its front door. An anonymous visitor at {@code /} reads the public site (what
     * the network is, the disclosing hospitals, the facility search, the cards, the application) with the staff's and
     * the residents' logins; both login pages link back to it; a session half-way through its login is still sent on.
     */
    @Test
    void theFrontDoorIsThePublicSiteWithBothLoginsAndTheLoginsLinkBack() {
        WebSession visitor = visitor();
        HttpResponse<String> door = visitor.get("/");
        assertThat(door.statusCode()).isEqualTo(200);
        assertThat(door.body()).contains("地域医療連携ネットワーク", "id=\"home-disclosing\" href=\"/public/disclosing\"",
                "id=\"home-facilities\" href=\"/public/facilities\"", "id=\"home-cards\" href=\"/public/cards\"",
                "id=\"home-apply\" href=\"/apply\"", "id=\"nav-public-login\" class=\"login-link\" href=\"/login\"",
                "id=\"nav-public-notebook\" class=\"login-link\" href=\"/phr/login\"", "職員の方（ログイン）",
                "健康手帳（住民の方のログイン）").doesNotContain("id=\"login-form\"");
        for (String login : List.of("/login", "/phr/login")) {
            HttpResponse<String> page = visitor.get(login);
            assertThat(page.statusCode()).as(login).isEqualTo(200);
            assertThat(page.body()).as(login).contains("id=\"to-public-site\" href=\"/\"", "結びについて（ネットワークのご案内）");
        }
        assertThat(door.body()).as("the page's language, for screen readers (WCAG 3.1.1)").containsPattern("<html[^>]* lang=\"ja\"");
        assertThat(visitor.get("/?lang=en").body()).contains("Staff log-in", "Health notebook (residents&#39; log-in)")
                .as("an English page says it is English").containsPattern("<html[^>]* lang=\"en\"");
        assertThat(visitor.get("/login").body()).as("the language chosen stays").containsPattern("<html[^>]* lang=\"en\"");

        WebSession halfWay = new WebSession(port);
        org.musubi.registry.User doctor = accounts.staff(FacilityKind.HOSPITAL, org.musubi.registry.Profession.DOCTOR);
        assertThat(WebSession.location(accounts.passwordStep(halfWay, doctor.loginId(), TestAccounts.PASSWORD)))
                .contains("/login/second-factor");
        HttpResponse<String> pending = halfWay.get("/");
        assertThat(pending.statusCode()).as("the password step done, the code not yet: on to the code").isEqualTo(302);
        assertThat(WebSession.location(pending)).contains("/login/second-factor");
    }

    /**
     * Issue 67, item 6: the accessibility statement is public, linked from the footer of the public pages and of both
     * login pages, and says the standard, how it is tested, its known limits and whom to tell, in Japanese and English.
     */
    @Test
    void theAccessibilityStatementIsPublicAndLinkedFromTheFooters() {
        WebSession visitor = visitor();
        for (String page : List.of("/", "/public/cards", "/public/facilities", "/login", "/phr/login")) {
            assertThat(visitor.get(page).body()).as(page + "'s footer")
                    .contains("id=\"footer-accessibility\" href=\"/public/accessibility\">アクセシビリティ方針</a>");
        }
        HttpResponse<String> statement = visitor.get("/public/accessibility");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).contains("<h1>アクセシビリティ方針</h1>", "WCAG 2.2", "適合レベル AA",
                "JIS X 8341-3:2016", "axe-core", "1366 px", "360 px", "キーボード", "<h2>既知の制約</h2>",
                "ネットワーク運営事務局にお知らせください");
        HttpResponse<String> english = visitor.get("/public/accessibility?lang=en");
        assertThat(english.body()).contains("<h1>Accessibility statement</h1>", "WCAG 2.2",
                "JIS X 8341-3:2016 conformance level AA", "<h2>Known limits</h2>", "the network&#39;s secretariat");
    }

    @Test
    void noPageSaysAnythingAboutAPersonOrAUser() {
        List<String> users = jdbc.sql("SELECT name_kanji FROM app_user WHERE demo ORDER BY id").query(String.class).list();
        List<String> patients = jdbc.sql("SELECT family_kanji || given_kanji FROM person ORDER BY id LIMIT 200")
                .query(String.class).list();
        assertThat(users).hasSizeGreaterThan(10);
        assertThat(patients).hasSizeGreaterThan(10);
        WebSession visitor = visitor();
        StringBuilder everything = new StringBuilder();
        for (String path : List.of("/public", "/public/cards", "/public/disclosing", "/public/facilities",
                "/public?lang=en", "/public/disclosing?lang=en")) {
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            everything.append(page.body());
        }
        for (int page = 2; page <= 100; page++) {
            HttpResponse<String> more = visitor.get("/public/facilities?page=" + page);
            everything.append(more.body());
            if (!more.body().contains("id=\"page-next\"")) {
                break;
            }
        }
        String text = everything.toString();
        assertThat(text).contains("開示病院一覧", "/apply");
        for (String name : users) {
            assertThat(text).as("a demo user's name").doesNotContain(name).doesNotContain(name.replace(" ", ""));
        }
        for (String name : patients) {
            assertThat(text).as("a demo patient's name").doesNotContain(name);
        }
        assertThat(text).doesNotContain("name=\"_csrf\"").as("no form that changes anything");
    }

    @Test
    void anAddressOverTheLimitGets429WithRetryAfterUntilItsWindowEnds() {
        WebSession crawler = visitor();
        for (int i = 0; i < 60; i++) {
            assertThat(crawler.get(i % 2 == 0 ? "/public" : "/public/cards").statusCode()).as("page " + (i + 1))
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = crawler.get("/public/disclosing");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(refused.body()).contains("しばらくしてから", "try again");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(crawler.get("/public/facilities").statusCode()).as("still refused").isEqualTo(429);
        assertThat(visitor().get("/public/disclosing").statusCode()).as("another address").isEqualTo(200);
        assertThat(crawler.get("/css/public.css").statusCode()).as("the style sheet is no page").isEqualTo(200);
    }

    @Test
    void anOperatorSetsAFacilitysProfileWithOneAuditRow() {
        Facility hospital = accounts.newHospital();
        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        HttpResponse<String> page = operator.get("/admin/facilities/" + hospital.id());
        assertThat(page.body()).contains("id=\"profile-form\"", "地域連携カード");
        long before = audit.max();
        HttpResponse<String> saved = operator.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(operator.base() + "/admin/facilities/" + hospital.id() + "/profile"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("municipality=" + enc("広島市中区")
                        + "&beds=320&cards=REGIONAL&cards=DISCLOSURE&listed=true&joinedOn=2025-10-01&leftOn=&_csrf="
                        + enc(operator.csrf()))));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(audit.reasons(before, "FACILITY_UPDATE", "Facility")).containsExactly("profile");
        assertThat(audit.rowsSince(before)).filteredOn(r -> r.action().equals("FACILITY_UPDATE")).singleElement()
                .satisfies(r -> assertThat(r.resourceIds()).containsExactly(String.valueOf(hospital.id())));
        assertThat(profiles.of(hospital.id())).contains(new FacilityProfile(hospital.id(), Optional.of("広島市中区"),
                Optional.of(320), Set.of(AcceptedCard.REGIONAL, AcceptedCard.DISCLOSURE), true,
                LocalDate.of(2025, 10, 1), Optional.empty()));
        assertThat(operator.open("/admin/facilities/" + hospital.id()).body()).contains("id=\"profile-saved\"",
                "value=\"広島市中区\"", "value=\"320\"");
        assertThat(operator.get("/admin/facilities?q=" + enc(hospital.nameKanji())).body()).contains("広島市中区");

        long second = audit.max();
        HttpResponse<String> wrong = operator.post("/admin/facilities/" + hospital.id() + "/profile",
                "municipality", "広島市中区", "beds", "-1", "listed", "true", "joinedOn", "2025-10-01",
                "leftOn", "2025-09-01");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("data-field=\"beds\"", "data-field=\"leftOn\"", "value=\"-1\"");
        assertThat(audit.reasons(second, "FACILITY_UPDATE", "Facility")).as("nothing saved, nothing audited").isEmpty();
        assertThat(profiles.of(hospital.id()).orElseThrow().beds()).contains(320);

        HttpResponse<String> hide = operator.post("/admin/facilities/" + hospital.id() + "/profile",
                "municipality", "広島市中区", "beds", "320", "cards", "REGIONAL", "joinedOn", "2025-10-01");
        assertThat(hide.statusCode()).isEqualTo(302);
        assertThat(profiles.of(hospital.id()).orElseThrow().listed()).as("an unchecked box is not listed").isFalse();
        assertThat(visitor().get("/public/disclosing").body()).doesNotContain(hospital.nameKanji());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A unique mark for one test's facilities: in their kanji and kana names and their municipality. */
    private static final class Tag {
        private final String digits = String.valueOf(100_000 + ThreadLocalRandom.current().nextInt(900_000));

        String kanji() {
            return "公開試験" + digits;
        }

        String katakana() {
            StringBuilder kana = new StringBuilder("コウカイ");
            digits.chars().forEach(c -> kana.append(DIGIT_KANA.charAt(c - '0')));
            return kana.toString();
        }

        String hiragana() {
            StringBuilder out = new StringBuilder();
            katakana().chars().forEach(c -> out.append((char) (c - ('ァ' - 'ぁ'))));
            return out.toString();
        }

        String city() {
            return "試験" + digits + "市";
        }
    }

    private Facility facility(Tag tag, String suffix, String kanaSuffix, FacilityKind kind, boolean disclosing,
                              boolean viewing, FacilityStatus status, String municipality, boolean listed,
                              LocalDate joined, LocalDate left, AcceptedCard... cards) {
        String code = kind.codeRequired() ? TestAccounts.unusedInstitutionCode(facilities,
                kind == FacilityKind.PHARMACY ? 4 : 1) : null;
        Facility f = facilities.insert(new FacilityDraft(tag.kanji() + suffix, tag.katakana() + kanaSuffix, kind, code,
                34, "広島県" + municipality + "本町1丁目1番1号", "082-555-0101", disclosing, viewing, status));
        profiles.save(new FacilityProfile(f.id(), Optional.of(municipality), Optional.of(0),
                cards.length == 0 ? Set.of(AcceptedCard.REGIONAL) : Set.of(cards), listed, joined,
                Optional.ofNullable(left)));
        return f;
    }

    /** A visitor from an address of its own, so that tests do not share the per-address limit. */
    private WebSession visitor() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new WebSession(port).withHeader("X-Forwarded-For",
                "100." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)));
    }

    private static List<String> names(WebSession visitor, String path) {
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return names(page);
    }

    private static List<String> names(HttpResponse<String> page) {
        return names(page.body());
    }

    private static List<String> names(String body) {
        Matcher m = FACILITY_NAME.matcher(body);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
