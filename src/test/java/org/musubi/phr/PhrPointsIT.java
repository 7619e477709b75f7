package org.musubi.phr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Person;
import org.musubi.phr.vitals.RecordVitals;
import org.musubi.phr.vitals.Vital;
import org.musubi.phr.vitals.VitalsEntry;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Health points over real HTTP: the office sets the checkup rule and creates an event; a resident whose checkup a
 * checkup centre sent gets the checkup's points once however often the statement is opened, gets an event's points
 * once with its code, and the office records a redemption, never beyond the balance. Awards and redemptions are
 * audited; the statement is one audited self-access read.
 */
@MusubiIntegrationTest
class PhrPointsIT extends ResidentFixtures {

    private static final Pattern BALANCE = Pattern.compile("data-balance=\"(-?\\d+)\"");

    @Autowired
    RecordVitals vitals;

    @Test
    void checkupAndEventPointsAreAwardedOnceAndRedemptionsNeverExceedTheBalance() {
        WebSession office = accounts.signedIn(port, accounts.networkAdmin());
        office.get("/admin/phr-points");
        office.post("/admin/phr-points/rules", "checkupPoints", "100", "vitalsPoints", "50", "vitalsDays", "20");
        office.get("/admin/phr-points");
        String body = office.open("/admin/phr-points").body();
        assertThat(body).contains("value=\"100\"");
        office.post("/admin/phr-points/events", "name", "ウォーキング大会", "heldOn", LocalDate.now().toString(),
                "points", "30", "validTo", LocalDate.now().plusDays(7).toString());
        Matcher code = Pattern.compile("イベントのコード：([A-Z0-9]{8})").matcher(office.get("/admin/phr-points").body());
        assertThat(code.find()).as("the event's code is shown once").isTrue();

        Facility centre = accounts.facilityOf(FacilityKind.CHECKUP_CENTRE);
        IGenericClient api = clients.fhirFor(port, centre, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, centre, localId, "ケンシン");
        long personId = clients.personOf(centre, localId);
        DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL)
                .setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(centre) + "|" + localId))
                .setEffective(new DateTimeType("2026-06-01"));
        report.getCode().setText("特定健診");
        FhirRecords.create(api, report);
        Person person = identities.person(personId).orElseThrow().person();
        Residents.Resident resident = residents.register(personId,
                cards.regional(accounts.networkAdmin().id(), personId), person.birthDate());
        WebSession web = residents.logIn(port, resident);

        long before = audit.max();
        assertThat(balance(web.get("/phr/points").body())).isEqualTo(100);
        assertThat(balance(web.get("/phr/points").body())).as("the same checkup counts once").isEqualTo(100);
        assertThat(audit.forPatient(before, person.regionalId())).containsExactly("READ PERMIT policy.permit.patientSelfAccess",
                "READ PERMIT policy.permit.patientSelfAccess");
        assertThat(audit.reasons(before, "PHR_POINTS", "Person")).hasSize(1).first().asString().startsWith("awarded 100 for checkup:");

        web.post("/phr/points/event", "code", code.group(1).toLowerCase());
        String afterEvent = web.get("/phr/points").body();
        assertThat(afterEvent).contains("data-claim=\"AWARDED\"");
        assertThat(balance(afterEvent)).isEqualTo(130);
        web.post("/phr/points/event", "code", code.group(1));
        assertThat(web.get("/phr/points").body()).contains("data-claim=\"ALREADY\"");
        web.post("/phr/points/event", "code", "WRONGCOD");
        String wrong = web.get("/phr/points").body();
        assertThat(wrong).contains("data-claim=\"UNKNOWN_CODE\"");
        assertThat(balance(wrong)).isEqualTo(130);

        office.get("/admin/phr-points");
        office.post("/admin/phr-points/redeem", "personId", String.valueOf(personId), "points", "200", "note", "図書カード");
        assertThat(office.get("/admin/phr-points").body()).contains("記録できませんでした");
        office.post("/admin/phr-points/redeem", "personId", String.valueOf(personId), "points", "100", "note", "図書カード");
        String after = web.get("/phr/points").body();
        assertThat(balance(after)).isEqualTo(30);
        assertThat(after).contains("図書カード").contains("-100");

        WebSession doctor = accounts.signedIn(port, accounts.staff(FacilityKind.HOSPITAL, Profession.DOCTOR));
        assertThat(doctor.get("/admin/phr-points").statusCode()).isEqualTo(403);
        assertThat(web.get("/admin/phr-points").statusCode()).isEqualTo(403);
    }

    @Test
    void aMonthWithVitalsLoggedOnEnoughDaysEarnsItsPointsOnce() {
        WebSession office = accounts.signedIn(port, accounts.networkAdmin());
        office.get("/admin/phr-points");
        office.post("/admin/phr-points/rules", "checkupPoints", "0", "vitalsPoints", "50", "vitalsDays", "3");
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        IGenericClient api = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        FhirRecords.registerPatient(api, hospital, localId, "バイタルポイント");
        long personId = clients.personOf(hospital, localId);
        Person person = identities.person(personId).orElseThrow().person();
        Residents.Resident resident = residents.register(personId,
                cards.regional(accounts.networkAdmin().id(), personId), person.birthDate());
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Tokyo")).minusMonths(1);
        for (int day : new int[] {2, 9, 9, 16}) {
            vitals.save(resident.account().id(), personId, List.of(new VitalsEntry(
                    last.atDay(day).atTime(7, day), Map.of(Vital.WEIGHT,
                            new BigDecimal("60." + day))))).orElseThrow();
        }
        WebSession web = residents.logIn(port, resident);

        String page = web.get("/phr/points").body();
        assertThat(balance(page)).as("three distinct days in " + last).isEqualTo(50);
        assertThat(page).contains(last + " (3)");
        assertThat(balance(web.get("/phr/points").body())).as("the month counts once").isEqualTo(50);
    }

    private static int balance(String page) {
        Matcher balance = BALANCE.matcher(page);
        assertThat(balance.find()).isTrue();
        return Integer.parseInt(balance.group(1));
    }
}
