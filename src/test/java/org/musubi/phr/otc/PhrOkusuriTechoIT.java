package org.musubi.phr.otc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.musubi.phr.Residents;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * お薬手帳ファイル over real HTTP: the resident downloads their own history as a JAHIS TC file in Shift_JIS (CRLF) with
 * the pharmacy's dispensing and the OTC drug they entered (record 3, 作成者 2 = 患者等), without the supplement JAHIS
 * has no record for; one audited read; their proxy downloads it too; another resident's file holds none of it.
 */
@MusubiIntegrationTest
class PhrOkusuriTechoIT {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    @LocalServerPort
    int port;
    @Autowired
    Residents residents;
    @Autowired
    AuditRows audit;

    @Test
    void theResidentDownloadsTheirDispensingsAndOtcDrugsAsAJahisFileInShiftJis() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.PHARMACY, "テチョウ");
        MedicationDispense dispense = new MedicationDispense()
                .setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED).setSubject(patient.reference())
                .setMedication(new CodeableConcept(new Coding("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
                        "2171022F1020", "アムロジピン錠5mg")))
                .setWhenHandedOverElement(new DateTimeType("2024-04-01"));
        dispense.setQuantity(new Quantity().setValue(28).setUnit("錠"));
        FhirRecords.create(patient.api(), dispense);
        Residents.Resident resident = residents.register(patient.personId());
        WebSession web = residents.logIn(port, resident);
        LocalDate since = LocalDate.now().minusDays(10);
        web.get("/phr/medicines/otc/new");
        web.post("/phr/medicines/otc", "kind", "otc-drug", "name", "ロキソニンＳ", "since", since.toString());
        web.post("/phr/medicines/otc", "kind", "supplement", "name", "ビタミンＣ", "since", since.toString());
        assertThat(web.get("/phr/medicines").body()).contains("href=\"/phr/medicines/okusuri-techo.txt\"");

        long before = audit.max();
        HttpResponse<byte[]> file = web.getBytes("/phr/medicines/okusuri-techo.txt");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/plain;charset=Shift_JIS");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"okusuri-techo.txt\"");
        assertThat(audit.forPatient(before, patient.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.patientSelfAccess");
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).as("not UTF-8").doesNotContain("アムロジピン");
        String text = new String(file.body(), SHIFT_JIS);
        assertThat(text).startsWith("JAHISTC08,1\r\n").endsWith("\r\n");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).startsWith("1,");
        assertThat(lines).anyMatch(l -> l.startsWith("201,") && l.contains("アムロジピン錠5mg"))
                .anyMatch(l -> l.startsWith("5,20240401"))
                .contains("3,ロキソニンＳ," + since.format(DateTimeFormatter.BASIC_ISO_DATE) + ",,2,1")
                .noneMatch(l -> l.contains("ビタミンＣ"));

        WebSession stranger = residents.logIn(port, residents.register(
                residents.patientAt(port, FacilityKind.HOSPITAL, "テチョウベツ").personId()));
        String theirs = new String(stranger.getBytes("/phr/medicines/okusuri-techo.txt").body(), SHIFT_JIS);
        assertThat(theirs).startsWith("JAHISTC08,1").doesNotContain("アムロジピン").doesNotContain("ロキソニン");
    }

    @Test
    void aProxyDownloadsTheFileOfThePersonTheyActFor() {
        Residents.Patient patient = residents.patientAt(port, FacilityKind.PHARMACY, "テチョウハハ");
        Residents.Resident mother = residents.register(patient.personId());
        WebSession mom = residents.logIn(port, mother);
        mom.get("/phr/medicines/otc/new");
        mom.post("/phr/medicines/otc", "kind", "otc-drug", "name", "正露丸", "since", LocalDate.now().toString());
        Residents.Resident child = residents.register(residents.patientAt(port, patient.facility(), "テチョウコ").personId());
        mom.get("/phr/proxies");
        mom.post("/phr/proxies", "loginId", child.account().loginId(), "until", LocalDate.now().plusDays(5).toString());
        WebSession proxy = residents.logIn(port, child);
        proxy.get("/phr/proxies");
        proxy.post("/phr/act-for", "personId", String.valueOf(patient.personId()));

        long before = audit.max();
        HttpResponse<byte[]> file = proxy.getBytes("/phr/medicines/okusuri-techo.txt");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), SHIFT_JIS)).contains("3,正露丸,");
        assertThat(audit.forPatient(before, patient.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.proxyAccess");
    }
}
