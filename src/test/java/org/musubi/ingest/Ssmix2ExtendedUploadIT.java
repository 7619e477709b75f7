package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Issue 38, finding 3: an extended storage as one hospital group's export module writes it, uploaded: the day's vital
 * signs (ORU^R30 under its own data type, in a content folder of six fields) are stored as vital-sign Observations, an
 * HL7 message Musubi does not map as a document of the record, each with its warnings, nothing rejected; each record
 * audited once as created by the uploading system.
 */
@MusubiIntegrationTest
class Ssmix2ExtendedUploadIT {

    private static final Path CORPUS = Path.of("src/test/resources/fidelity/ssmix2");
    private static final String VITALS = "012/345/0123456789/20240401/L-OBSERVATIONS^OBSERVATIONS^99ZL01/0123456789_20240401_"
            + "L-OBSERVATIONS^OBSERVATIONS^99ZL01_000000020240401_202404020001001_1/main_document.hl7";
    private static final String NURSING = "012/345/0123456789/20240401/L-NURSING^看護記録^99ZL02/0123456789_20240401_"
            + "L-NURSING^看護記録^99ZL02_000000020240401_20240401160000000_01_1/main_document.hl7";

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
        hospital = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "拡張送信病院");
        system = clients.register(hospital, "system/*.write");
        token = clients.token(port, system);
    }

    @Test
    void storesTheVitalSignsAndKeepsTheMessageItDoesNotMapNothingRejected() throws Exception {
        long mark = audit.max();

        HttpResponse<String> answer = upload();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"recordsStored\":2", "\"recordsRejected\":0", "\"code\":\"ssmix2.extended.kept\"",
                "\"code\":\"ssmix2.name.department-missing\"", "\"recordsKeptAsDocuments\":1")
                .doesNotContain("ssmix2.unsupported");
        assertThat(rows("Observation")).hasSize(6).allSatisfy(r -> assertThat(r).startsWith("VITALS "));
        assertThat(rows("Observation")).contains("VITALS 9P10000000000001 36.4 Cel", "VITALS 9A751000000000001 118 mm[Hg]");
        assertThat(jdbc.sql("""
                SELECT category || ' ' || (content::jsonb->'content'->0->'attachment'->>'contentType')
                FROM resource WHERE source_facility = ? AND type = 'DocumentReference' AND NOT deleted""")
                .param(hospital.id()).query(String.class).list()).containsExactly("DOCUMENTS text/plain; charset=ISO-2022-JP");
        assertThat(audit.rows(mark, system.client().clientId())).extracting(AuditRows.Row::action, AuditRows.Row::reason)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("CREATE", "import SSMIX2 ssmix2:L-OBSERVATIONS^OBSERVATIONS^99ZL01"
                                + ":20240401:000000020240401 (" + VITALS + ")"),
                        Tuple.tuple("CREATE", "import SSMIX2 ssmix2:L-NURSING^看護記録^99ZL02"
                                + ":20240401:000000020240401 (" + NURSING + ")"));
    }

    /** "category code value unit-code" of the hospital's live resources of a type. */
    private List<String> rows(String type) {
        return jdbc.sql("""
                SELECT category || ' ' || (content::jsonb->'code'->'coding'->0->>'code') || ' '
                  || (content::jsonb->'valueQuantity'->>'value') || ' ' || (content::jsonb->'valueQuantity'->>'code')
                FROM resource WHERE source_facility = ? AND type = ? AND NOT deleted""")
                .params(hospital.id(), type).query(String.class).list();
    }

    /** The two corpus inputs, in their places in the storage, as one zip. */
    private HttpResponse<String> upload() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, VITALS, CORPUS.resolve("vital-signs-oru-r30/main_document.hl7"));
            entry(zip, NURSING, CORPUS.resolve("extended-hl7-kept-as-document/main_document.hl7"));
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/import/ssmix2?name=extended.zip"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void entry(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
    }
}
