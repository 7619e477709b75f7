package org.musubi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.Profession;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 参加施設検索: any signed-in user finds active participating facilities by name, kind, area and role. */
@MusubiIntegrationTest
class FacilitySearchIT {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Pattern ROW = Pattern.compile("data-facility=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Facilities facilities;

    String suffix;
    Facility pharmacy;
    Facility hospital;
    Facility careHome;
    Facility suspended;
    WebSession web;

    @BeforeEach
    void someFacilities() {
        suffix = "ソウゴ" + RUN.incrementAndGet();
        pharmacy = add("むすび試験薬局" + RUN.get(), "ムスビシケンヤッキョク" + suffix, FacilityKind.PHARMACY, 34,
                "広島市安佐南区祇園1-1", true, false, FacilityStatus.ACTIVE);
        hospital = add("結び試験病院" + RUN.get(), "ムスビシケンビョウイン" + suffix, FacilityKind.HOSPITAL, 34,
                "広島市中区基町1-1", true, true, FacilityStatus.ACTIVE);
        careHome = add("結び試験ケアセンター" + RUN.get(), "ムスビシケンケアセンター" + suffix, FacilityKind.CARE_FACILITY, 35,
                "山口県下関市竹崎町1-1", false, true, FacilityStatus.ACTIVE);
        suspended = add("結び試験休止診療所" + RUN.get(), "ムスビシケンキュウシ" + suffix, FacilityKind.CLINIC, 34,
                "広島市安佐南区祇園2-2", true, true, FacilityStatus.SUSPENDED);
        web = accounts.signedIn(port, accounts.staff(FacilityKind.CARE_FACILITY, Profession.CARE_WORKER));
    }

    @Test
    void findsByKanaOrKanjiNameAsTypedInAnyWidthOrScriptButNeverSuspendedFacilities() {
        assertThat(ids("name=" + enc(suffix))).containsExactlyInAnyOrder(pharmacy.id(), hospital.id(), careHome.id())
                .doesNotContain(suspended.id());
        assertThat(ids("name=" + enc(hira(suffix)))).containsExactlyInAnyOrder(pharmacy.id(), hospital.id(), careHome.id());
        assertThat(ids("name=" + enc("試験病院" + RUN.get()))).containsExactly(hospital.id());
        assertThat(ids("name=" + enc("ﾑｽﾋﾞｼｹﾝﾔｯｷｮｸ" + suffix))).containsExactly(pharmacy.id());
    }

    @Test
    void filtersByKindAreaAndRole() {
        String mine = "&name=" + enc(suffix);
        assertThat(ids("kind=PHARMACY" + mine)).containsExactly(pharmacy.id());
        assertThat(ids("prefecture=35" + mine)).containsExactly(careHome.id());
        assertThat(ids("prefecture=34&area=" + enc("安佐南") + mine)).containsExactly(pharmacy.id());
        assertThat(ids("area=" + enc("広島市") + mine)).containsExactlyInAnyOrder(pharmacy.id(), hospital.id());
        assertThat(ids("role=DISCLOSING" + mine)).containsExactlyInAnyOrder(pharmacy.id(), hospital.id());
        assertThat(ids("role=VIEWING" + mine)).containsExactlyInAnyOrder(hospital.id(), careHome.id());
        assertThat(ids("role=VIEWING_ONLY" + mine)).containsExactly(careHome.id());
        assertThat(ids("kind=HOSPITAL&role=VIEWING_ONLY" + mine)).isEmpty();
        assertThat(web.get("/portal/facilities?role=VIEWING_ONLY" + mine).body())
                .contains("ケアセンター", "山口県", "下関市").doesNotContain(suspended.nameKanji());
    }

    @Test
    void resultsArePagedAndTheNextPageKeepsTheFilters() {
        String many = "タスウ" + suffix;
        for (int i = 0; i < 21; i++) {
            add("多数薬局" + i, many + i, FacilityKind.PHARMACY, 34, "広島市南区" + i, true, false, FacilityStatus.ACTIVE);
        }

        String first = web.get("/portal/facilities?kind=PHARMACY&name=" + enc(many)).body();

        assertThat(ROW.matcher(first).results().count()).isEqualTo(20);
        assertThat(first).contains("kind=PHARMACY").contains("page=2").contains("（全 21 件）");
        assertThat(ids("kind=PHARMACY&page=2&name=" + enc(many))).hasSize(1);
    }

    private List<Long> ids(String query) {
        var page = web.get("/portal/facilities?" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = ROW.matcher(page.body());
        List<Long> found = new ArrayList<>();
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    private Facility add(String kanji, String kana, FacilityKind kind, int prefecture, String address, boolean disclosing,
                         boolean viewing, FacilityStatus status) {
        return facilities.insert(new FacilityDraft(kanji, kana, kind, null, prefecture, address, "082-000-0000",
                disclosing, viewing, status));
    }

    private static String hira(String katakana) {
        StringBuilder out = new StringBuilder();
        for (char c : katakana.toCharArray()) {
            out.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - ('ァ' - 'ぁ')) : c);
        }
        return out.toString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
