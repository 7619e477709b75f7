package org.musubi.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

@MusubiIntegrationTest
class FacilityRegistrationIT extends NetworkFixtures {

    @Autowired
    Facilities facilities;

    @Test
    void rejectsABadCheckDigitNamingTheFaultInJapanese() {
        WebSession web = networkAdmin();
        long before = facilities.count();

        HttpResponse<String> response = web.post("/admin/facilities", form("0110113718"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data-field=\"code\"")
                .contains("医療機関コードの検証番号（10桁目）が正しくありません：入力は8、正しくは9です。");
        assertThat(facilities.count()).isEqualTo(before);
    }

    @Test
    void rejectsABadPrefectureInEnglishWhenAsked() {
        WebSession web = networkAdmin();
        web.get("/admin/facilities/new?lang=en");

        HttpResponse<String> response = web.post("/admin/facilities", form("4910113719"));

        assertThat(response.body()).contains("The code&#39;s first two digits (prefecture &quot;49&quot;) must be 01 to 47.");
    }

    @Test
    void registersAValidFacilityAndAuditsIt() {
        WebSession web = networkAdmin();
        String code = MedicalInstitutionCode.of(34, 1, 770001).value();
        long before = audit.max();

        HttpResponse<String> response = web.post("/admin/facilities", form(code));

        assertThat(response.statusCode()).isEqualTo(302);
        Facility saved = facilities.findByCode(code).orElseThrow();
        assertThat(saved.nameKanji()).isEqualTo("結び記念クリニック");
        assertThat(saved.prefecture()).isEqualTo(34);
        assertThat(WebSession.location(response)).isEqualTo("/admin/facilities/" + saved.id());
        assertThat(audit.since(before, adminLoginId)).containsExactly("FACILITY_CREATE PERMIT");
        assertThat(web.get("/admin/facilities?q=" + code).body()).contains("結び記念クリニック");
    }

    @Test
    void refusesASecondFacilityWithTheSameCode() {
        WebSession web = networkAdmin();
        String code = MedicalInstitutionCode.of(34, 1, 770002).value();
        web.post("/admin/facilities", form(code));
        web.get("/admin/facilities/new");

        HttpResponse<String> again = web.post("/admin/facilities", form(code));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("この医療機関コードは 結び記念クリニック がすでに使っています。");
    }

    @Test
    void listsTheDemoFacilitiesWithPagingAndSearch() {
        WebSession web = networkAdmin();

        HttpResponse<String> page = web.get("/admin/facilities");
        HttpResponse<String> pharmacies = web.get("/admin/facilities?kind=PHARMACY");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"facility-list\"").contains("ページ 1 /");
        assertThat(pharmacies.body()).contains("薬局").doesNotContain("<td>病院</td>");
    }

    private String adminLoginId;

    private WebSession networkAdmin() {
        WebSession web = new WebSession(port);
        User admin = accounts.networkAdmin();
        adminLoginId = admin.loginId();
        accounts.logIn(web, admin);
        web.get("/admin/facilities/new");
        return web;
    }

    private static String[] form(String code) {
        return new String[] {"nameKanji", "結び記念クリニック", "nameKana", "ムスビキネンクリニック", "kind", "CLINIC",
                "code", code, "prefecture", "34", "address", "広島市中区基町1-1", "phone", "082-000-0000",
                "disclosing", "true", "viewing", "true", "status", "ACTIVE"};
    }
}
