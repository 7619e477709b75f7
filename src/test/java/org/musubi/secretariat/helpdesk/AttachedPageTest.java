package org.musubi.secretariat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachedPageTest {

    private static final String HOST = "musubi.example.jp";

    @Test
    void keepsThePathOfAPortalPageAndDropsItsQueryAndFragment() {
        AttachedPage page = AttachedPage.fromReferer("https://musubi.example.jp/portal/letters?q=山田太郎&tab=in#top", HOST);
        assertThat(page.path()).contains("/portal/letters");
        assertThat(page.patientKey()).isEmpty();
    }

    @Test
    void masksTheChartKeyOfAViewerPageAndOffersItAsThePatientToName() {
        AttachedPage page = AttachedPage.fromReferer("https://musubi.example.jp/portal/patients/4711/labs?code=x", HOST);
        assertThat(page.path()).contains("/portal/patients/{patient}/labs");
        assertThat(page.patientKey()).contains("4711");
        AttachedPage own = AttachedPage.fromReferer("https://musubi.example.jp/portal/patients/own-12", HOST);
        assertThat(own.path()).contains("/portal/patients/{patient}");
        assertThat(own.patientKey()).contains("own-12");
        AttachedPage odd = AttachedPage.fromReferer("https://musubi.example.jp/portal/patients/xyz/labs", HOST);
        assertThat(odd.path()).contains("/portal/patients/{patient}/labs");
        assertThat(odd.patientKey()).isEmpty();
    }

    @Test
    void masksEverySegmentThatCouldNameSomething() {
        AttachedPage page = AttachedPage.fromReferer("http://musubi.example.jp:8443/admin/persons/123/proxies", "musubi.example.jp:8443");
        assertThat(page.path()).contains("/admin/persons/{id}/proxies");
        String uuid = "/portal/consultations/3f2b6c1e-8f0a-4c57-9d1e-1a2b3c4d5e6f/attachments/%E5%B1%B1%E7%94%B0";
        assertThat(AttachedPage.fromReferer("https://musubi.example.jp" + uuid, HOST).path())
                .contains("/portal/consultations/{id}/attachments/{id}");
        assertThat(AttachedPage.fromReferer("https://musubi.example.jp/portal/care-teams/" + "a".repeat(41), HOST).path())
                .contains("/portal/care-teams/{id}");
    }

    @Test
    void keepsNothingOfAnotherSiteOrAPageOutsideThePortal() {
        assertThat(AttachedPage.fromReferer("https://evil.example.com/portal/letters", HOST).path()).isEmpty();
        assertThat(AttachedPage.fromReferer("https://musubi.example.jp.evil.example.com/portal", HOST).path()).isEmpty();
        assertThat(AttachedPage.fromReferer("https://musubi.example.jp/phr/access-log", HOST).path()).isEmpty();
        assertThat(AttachedPage.fromReferer("javascript:alert(1)", HOST).path()).isEmpty();
        assertThat(AttachedPage.fromReferer("/portal/letters", HOST).path()).as("not an absolute address").isEmpty();
        assertThat(AttachedPage.fromReferer("https://musubi.example.jp/portal/../phr", HOST).path()).isEmpty();
        assertThat(AttachedPage.fromReferer(null, HOST).path()).isEmpty();
        assertThat(AttachedPage.fromReferer("https://musubi.example.jp/", HOST).path()).contains("/");
    }

    @Test
    void aPathSentBackByTheFormIsMaskedAgainAndCutToTheLimit() {
        assertThat(AttachedPage.fromForm("/portal/patients/{patient}/labs")).contains("/portal/patients/{patient}/labs");
        assertThat(AttachedPage.fromForm("/portal/patients/4711/labs")).contains("/portal/patients/{patient}/labs");
        assertThat(AttachedPage.fromForm("/portal/letters/山田太郎")).contains("/portal/letters/{id}");
        assertThat(AttachedPage.fromForm("/portal/letters?q=山田")).isEmpty();
        assertThat(AttachedPage.fromForm("https://evil.example.com/portal")).isEmpty();
        assertThat(AttachedPage.fromForm("//evil.example.com/portal")).isEmpty();
        String longPath = "/portal" + "/abcdefghij".repeat(40);
        assertThat(AttachedPage.fromForm(longPath).orElseThrow()).hasSizeLessThanOrEqualTo(AttachedPage.MAX)
                .startsWith("/portal/abcdefghij/");
    }

    @Test
    void aChartKeyNamesThePersonOrTheFacilitysOwnPatientAndAnythingElseNobody() {
        assertThat(HelpDesk.patient("4711")).isEqualTo(org.musubi.record.PatientRef.person(4711));
        assertThat(HelpDesk.patient("own-12")).isEqualTo(org.musubi.record.PatientRef.ownPatient(12));
        assertThat(HelpDesk.patient("own-")).isEqualTo(org.musubi.record.PatientRef.person(0));
        assertThat(HelpDesk.patient("12; DROP")).isEqualTo(org.musubi.record.PatientRef.person(0));
    }
}
