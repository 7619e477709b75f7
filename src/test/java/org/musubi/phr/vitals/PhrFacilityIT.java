package org.musubi.phr.vitals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Administrator;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityQuery;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;
import org.musubi.registry.Profession;
import org.musubi.registry.RegisterFacility;
import org.musubi.registry.RegisterUser;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;
import org.musubi.testing.AuditRows;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The health notebook's own source (V31): one facility, disclosing and not viewing, with no code; no list, search,
 * count, form or membership of participants ever offers it, and no operator changes it into a participant.
 */
@MusubiIntegrationTest
class PhrFacilityIT {

    @LocalServerPort
    int port;
    @Autowired
    Facilities facilities;
    @Autowired
    RegisterFacility registerFacility;
    @Autowired
    RegisterUser registerUser;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditRows audit;

    @Test
    void oneSourceForResidentsOwnEntriesDisclosingNotViewingWithoutACode() {
        Facility phr = facilities.personalHealthRecord().orElseThrow();

        assertThat(phr.kind()).isEqualTo(FacilityKind.PERSONAL_HEALTH_RECORD);
        assertThat(phr.nameKanji()).isEqualTo("健康手帳（本人記録）");
        assertThat(phr.disclosing()).isTrue();
        assertThat(phr.viewing()).isFalse();
        assertThat(phr.medicalInstitutionCode()).isEmpty();
        assertThat(facilities.find(phr.id())).contains(phr);
    }

    @Test
    void noListSearchOrCountOfParticipantsHoldsIt() {
        Facility phr = facilities.personalHealthRecord().orElseThrow();

        assertThat(facilities.all()).isNotEmpty().noneMatch(f -> f.id() == phr.id());
        assertThat(facilities.search("健康手帳", null, null, PageRequest.of(null, 50)).items()).noneMatch(f -> f.id() == phr.id());
        assertThat(facilities.search(null, FacilityKind.PERSONAL_HEALTH_RECORD, null, PageRequest.of(null, 50)).total())
                .isZero();
        assertThat(facilities.directory(new FacilityQuery("健康手帳", null, null, null, null), PageRequest.of(null, 50))
                .items()).noneMatch(f -> f.id() == phr.id());
        assertThat(facilities.count()).isEqualTo(facilities.all().size());
        assertThat(FacilityKind.participatingKinds()).doesNotContain(FacilityKind.PERSONAL_HEALTH_RECORD)
                .hasSize(FacilityKind.values().length - 1);
    }

    @Test
    void operatorsNeitherChangeItNorRegisterAnotherNorGiveAnyoneAMembershipThere() {
        Facility phr = facilities.personalHealthRecord().orElseThrow();
        User operator = accounts.networkAdmin();
        Administrator admin = Administrator.of(operator);
        FacilityDraft draft = new FacilityDraft("別の健康手帳", "ベツノケンコウテチョウ", FacilityKind.PERSONAL_HEALTH_RECORD,
                null, 34, null, null, true, true, FacilityStatus.ACTIVE);
        long before = audit.max();

        assertThatThrownBy(() -> registerFacility.register(admin, phr.id(), draft)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> registerFacility.register(admin, null, draft)).isInstanceOf(InvalidRegistration.class);
        assertThatThrownBy(() -> registerUser.register(admin, null, new UserDraft("phr-staff-" + System.nanoTime(),
                "試験 花子", "シケン ハナコ", Profession.DOCTOR, List.of(new User.Membership(phr.id(), false)), false,
                UserStatus.ACTIVE))).isInstanceOf(InvalidRegistration.class);
        assertThat(audit.reasons(before, "FACILITY_UPDATE", "Facility"))
                .containsExactly("the health notebook's own source is not a participant");
        assertThat(facilities.personalHealthRecord()).contains(phr);

        WebSession web = new WebSession(port);
        accounts.logIn(web, operator);
        assertThat(web.get("/admin/facilities/" + phr.id()).statusCode()).isEqualTo(404);
        assertThat(web.get("/admin/facilities/new").body()).doesNotContain("PERSONAL_HEALTH_RECORD");
        assertThat(web.get("/portal/facilities?name=" + URLEncoder.encode("健康手帳",
                StandardCharsets.UTF_8)).body()).doesNotContain("健康手帳（本人記録）");
    }
}
