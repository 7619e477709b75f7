package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.ssmix2.Ssmix2Messages;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 38, finding 5: a discharge (ADT-52) uploaded without its admission date (PV1-44) or visit number (PV1-19) closes
 * the stay its admission opened, whether the admission was uploaded before or sits in the same zip, as a folder import
 * does; the hospital's record holds one stay, finished, never a second Encounter beside an admission left in progress.
 */
@MusubiIntegrationTest
class Ssmix2StayUploadIT {

    private static final String FOLDER = "000/100/0001000052/";
    private static final String ADMISSION = FOLDER + "20240401/ADT-22/0001000052_20240401_ADT-22_999999999999999_20240401100000000_01_1";
    private static final String DISCHARGE = FOLDER + "20240415/ADT-52/0001000052_20240415_ADT-52_999999999999999_20240415100000000_01_1";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired FhirClients clients;
    @Autowired Facilities facilities;
    @Autowired JdbcClient jdbc;
    @Autowired AuditRows audit;

    private Facility hospital;
    private ApiClientAdministration.NewApiClient system;
    private String token;

    @BeforeEach
    void aHospitalSystemThatUploads() {
        hospital = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "退院送信病院");
        system = clients.register(hospital, "system/*.write");
        token = clients.token(port, system);
    }

    @Test
    void aDischargeUploadedAfterItsAdmissionClosesTheStayTheAdmissionOpened() throws Exception {
        HttpResponse<String> admitted = upload(Map.of(ADMISSION, Ssmix2Messages.admission("202404011030")));
        String stay = encounters().getFirst().id();
        long mark = audit.max();

        HttpResponse<String> discharged = upload(Map.of(DISCHARGE, Ssmix2Messages.discharge("202404151000")));

        assertThat(admitted.body()).contains("\"recordsStored\":1");
        assertThat(discharged.statusCode()).isEqualTo(200);
        assertThat(discharged.body()).contains("\"recordsStored\":1").contains("\"recordsRejected\":0")
                .doesNotContain("ssmix2.stay-unknown");
        assertThat(encounters()).as("one stay, closed by the discharge").singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(stay);
            assertThat(e.status()).isEqualTo("finished");
            assertThat(e.period()).isEqualTo("2024-04-01T10:30:00+09:00 2024-04-15T10:00:00+09:00");
        });
        assertThat(audit.rows(mark, system.client().clientId())).as("the discharge updated the admission's Encounter")
                .singleElement().satisfies(row -> {
                    assertThat(row.action()).isEqualTo("UPDATE");
                    assertThat(row.reason()).isEqualTo("import SSMIX2 ssmix2:ADT-52:20240415:999999999999999 (" + DISCHARGE + ")");
                    assertThat(row.resourceIds()).containsExactly("Encounter/" + stay);
                });
    }

    @Test
    void anAdmissionAndItsDischargeInOneZipAreOneStay() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ADMISSION, Ssmix2Messages.admission("202404011030"));
        files.put(DISCHARGE, Ssmix2Messages.discharge("202404151000"));

        HttpResponse<String> answer = upload(files);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"recordsStored\":2").doesNotContain("ssmix2.stay-unknown");
        assertThat(encounters()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("finished");
            assertThat(e.period()).isEqualTo("2024-04-01T10:30:00+09:00 2024-04-15T10:00:00+09:00");
        });
    }

    @Test
    void aDischargeWhoseStayIsNowhereIsItsOwnEncounterWithAWarningThatSaysWhereMusubiLooked() throws Exception {
        HttpResponse<String> answer = upload(Map.of(DISCHARGE, Ssmix2Messages.discharge("202404151000")));

        assertThat(answer.body()).contains("\"code\":\"ssmix2.stay-unknown\"", "\"field\":\"PV1-44\"",
                        "この取り込みのファイル（ストレージまたはこのアップロード）にも、この患者についてすでに取り込んだ入院にも",
                        "neither the files of this import (storage or upload) nor the stays already imported for this patient")
                .doesNotContain("the storage holds no admission");
        assertThat(encounters()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("finished"));
    }

    /** The hospital's Encounters: id, status, and period as "start end". */
    private List<Stay> encounters() {
        return jdbc.sql("""
                SELECT id, content::jsonb->>'status',
                  coalesce(content::jsonb->'period'->>'start', '-') || ' ' || coalesce(content::jsonb->'period'->>'end', '-')
                FROM resource WHERE source_facility = ? AND type = 'Encounter' AND NOT deleted ORDER BY id""")
                .param(hospital.id()).query((rs, n) -> new Stay(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private record Stay(String id, String status, String period) {
    }

    /** Uploads these storage files (path relative to the storage root → message) as one zip, in ISO-2022-JP. */
    private HttpResponse<String> upload(Map<String, String> files) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import/ssmix2?name=delta.zip"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip(files))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(Hl7Text.ISO_2022_JP));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
