package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.consent.Consents;
import org.musubi.ingest.adapter.DirectoryResource;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.jahis.JahisReader;
import org.musubi.record.IdKey;
import org.musubi.record.IdKeys;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding 6, directory resources: another facility cannot put its own pharmacy or doctor where a pharmacy's
 * notebooks will name theirs. Its PUT under the id the pharmacy's party has (made the old, public way from the
 * content) is refused as one under a free UUID; and where another facility's row already holds the id a party gets
 * (a squat of the time before keyed ids, put here directly), the pharmacy's import stores the party under its own id.
 * The pharmacy's {@code $medication-notebook} export shows only its own parties. Before the fix the PUT created the
 * fake pharmacy, the import referred to it and the export showed it.
 */
@MusubiIntegrationTest
class DirectoryPreemptionIT {

    @LocalServerPort int port;
    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired Facilities facilities;
    @Autowired FhirClients clients;
    @Autowired IdKeys keys;
    @Autowired AuditRows audit;
    @Autowired JdbcClient jdbc;
    @Autowired Consents consents;

    @Test
    void anotherFacilitysPartyUnderThePharmacysIdsNeverReachesItsNotebookExport() throws Exception {
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "本物薬局");
        Facility other = ImportFacilities.fresh(facilities, FacilityKind.CLINIC, "偽物診療所");
        String kana = "ホンモノ" + "アイウエオカキクケコ".charAt(ThreadLocalRandom.current().nextInt(10));
        String notebook = String.join("\r\n", "JAHISTC08,1", "1,本物 花子,2,19660505,,,,,,,ホンモノ " + kana,
                "5,20260110,1", "11,本物薬局,34,4,1234567,,,082-000-0000,1", "15,本物 次郎,082-000-0000,1",
                "51,本物病院,34,1,7654321,1", "55,本物 一郎,内科,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1",
                "301,1,朝食後,28,日分,1,1,,1") + "\r\n";
        List<DirectoryResource> publicParties = parties(pharmacy, notebook, ImportIds.of(new IdKey(IdKey.Scheme.LEGACY,
                new byte[32]), pharmacy.id()));
        List<DirectoryResource> keyedParties = parties(pharmacy, notebook, ImportIds.of(keys.current(), pharmacy.id()));
        String publicPharmacy = named(publicParties, "本物薬局").id();
        String keyedPharmacy = named(keyedParties, "本物薬局").id();
        String keyedDoctor = named(keyedParties, "本物 一郎").id();

        String token = clients.token(port, clients.register(other, "system/*.read", "system/*.write"));
        long before = audit.max();
        HttpResponse<String> taken = put(token, "Organization/" + publicPharmacy,
                "{\"resourceType\":\"Organization\",\"id\":\"" + publicPharmacy + "\",\"name\":\"偽薬局\"}");
        assertThat(taken.statusCode()).as("the public way").isEqualTo(404);
        assertThat(audit.reasons(before, "UPDATE", "Organization")).containsExactly("record.idReserved");
        plant("Organization", keyedPharmacy, other, "{\"resourceType\":\"Organization\",\"name\":\"偽薬局\"}");
        plant("Practitioner", keyedDoctor, other, "{\"resourceType\":\"Practitioner\",\"name\":[{\"text\":\"偽 医師\"}]}");

        ImportSource source = sources.create(pharmacy.id(), ImportKind.JAHIS, "notebooks", null, false);
        ImportBatch batch = imports.run(source, List.of(new IncomingFile(SourceFile.of("n.txt",
                notebook.getBytes(StandardCharsets.UTF_8)), Instant.now())).iterator(),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsRejected()).isZero();

        long person = jdbc.sql("""
                SELECT l.person_id FROM source_patient s JOIN person_link l ON l.source_patient_id = s.id
                WHERE s.facility_id = ?""").param(pharmacy.id()).query(Long.class).single();
        consents.link(person, pharmacy.id(), 0); // the pharmacy's counter linked the person with the card
        String own = clients.token(port, clients.register(pharmacy, "system/*.read"));
        HttpResponse<byte[]> exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/fhir/Patient/" + person + "/$medication-notebook"))
                .header("Authorization", "Bearer " + own).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(exported.body(), Charset.forName("windows-31j"));
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(text).contains("\r\n11,本物薬局,34,4,1234567,,,082-000-0000,1\r\n").contains("\r\n55,本物 一郎,内科,1\r\n")
                .doesNotContain("偽");
        assertThat(jdbc.sql("""
                SELECT DISTINCT r.source_facility FROM resource d
                CROSS JOIN LATERAL jsonb_path_query(d.content::jsonb, 'strict $.**.reference') AS ref(value)
                JOIN resource r ON r.id = split_part(ref.value #>> '{}', '/', 2) AND r.patient_key = 0
                WHERE d.source_facility = ? AND d.type = 'MedicationDispense'""").param(pharmacy.id()).query(Long.class).list())
                .as("every party a dispensing names is the pharmacy's own").containsExactly(pharmacy.id());
        assertThat(jdbc.sql("SELECT source_facility || ' ' || version FROM resource WHERE id IN (?, ?)")
                .params(keyedPharmacy, keyedDoctor).query(String.class).list()).as("the other facility's rows untouched")
                .containsExactly(other.id() + " 1", other.id() + " 1");
    }

    /** The directory resources the notebook names, as the pharmacy's import makes them with {@code ids}. */
    private static List<DirectoryResource> parties(Facility pharmacy, String notebook, ImportIds ids) {
        List<ParseResult> results = new ArrayList<>();
        new JahisReader().read(SourceFile.of("n.txt", notebook.getBytes(StandardCharsets.UTF_8)),
                new MappingContext(pharmacy.code().value(), "本物薬局", ids), results::add);
        return results.stream().filter(ParseResult.Parsed.class::isInstance)
                .flatMap(r -> ((ParseResult.Parsed) r).directory().stream()).distinct().toList();
    }

    private static DirectoryResource named(List<DirectoryResource> parties, String name) {
        return parties.stream().filter(d -> d.resource() instanceof Organization o ? name.equals(o.getName())
                : name.equals(((Practitioner) d.resource()).getNameFirstRep().getText())).findFirst().orElseThrow();
    }

    /** A directory row of {@code facility} under {@code id}, as a squat would leave it. */
    private void plant(String type, String id, Facility facility, String json) {
        jdbc.sql("""
                INSERT INTO resource (patient_key, id, type, version, source_facility, category, last_updated, content_hash,
                  content) VALUES (0, ?, ?, 1, ?, 'DEMOGRAPHICS', now(), '\\x00', ?)""")
                .params(id, type, facility.id(), json).update();
    }

    private HttpResponse<String> put(String token, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
