package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.consent.Consents;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.jahis.JahisReader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirClients;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's medication history written back as a JAHIS notebook file ($medication-notebook): what the
 * pharmacy imported comes back readable by a JAHIS reader, through the access policy, audited.
 */
@MusubiIntegrationTest
class MedicationNotebookExportIT {

    @LocalServerPort int port;
    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired Facilities facilities;
    @Autowired IdentityBatches identities;
    @Autowired FhirClients clients;
    @Autowired JdbcClient jdbc;
    @Autowired Consents consents;

    @Test
    void theImportedNotebookComesBackAsAJahisFileOnlyForThoseWhoMaySeeIt() throws Exception {
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "書出薬局");
        String kana = "ショシュツ" + "アイウエオカキクケコ".charAt(ThreadLocalRandom.current().nextInt(10));
        String notebook = String.join("\r\n", "JAHISTC08,1", "1,書出 花子,2,19660303,,,,,,,ショシュツ " + kana,
                "5,20260110,1", "11,書出薬局,34,4,1234567,,,082-000-0000,1", "15,書出 次郎,082-000-0000,1",
                "51,書出病院,34,1,7654321,1", "55,書出 一郎,内科,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1",
                "301,1,朝食後,28,日分,1,1,,1") + "\r\n";
        long personId = imported(pharmacy, "export", notebook);
        String own = clients.token(port, clients.register(pharmacy, "system/*.read"));
        String stranger = clients.token(port, clients.register(ImportFacilities.fresh(facilities, FacilityKind.CLINIC,
                "他院"), "system/*.read"));

        HttpResponse<byte[]> exported = get("/fhir/Patient/" + personId + "/$medication-notebook", own);
        HttpResponse<byte[]> utf8 = get("/fhir/Patient/" + personId + "/$medication-notebook?charset=UTF-8", own);
        HttpResponse<byte[]> refused = get("/fhir/Patient/" + personId + "/$medication-notebook", stranger);

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("Shift_JIS");
        String text = new String(exported.body(), Charset.forName("windows-31j"));
        assertThat(text).startsWith("JAHISTC08,1").contains("アムロジピン錠５ｍｇ").contains("20260110");
        assertThat(text).as("the pharmacy, pharmacist, hospital and doctor, stored once and read back for the file")
                .contains("\r\n11,書出薬局,34,4,1234567,,,082-000-0000,1\r\n").contains("\r\n15,書出 次郎,082-000-0000,1\r\n")
                .contains("\r\n51,書出病院,34,1,7654321,1\r\n").contains("\r\n55,書出 一郎,内科,1\r\n");
        assertThat(new String(utf8.body(), StandardCharsets.UTF_8)).isEqualTo(text);
        List<ParseResult> readBack = new ArrayList<>();
        new JahisReader().read(SourceFile.of("back.txt", exported.body()), new MappingContext("3440000000", "x"), readBack::add);
        assertThat(readBack).filteredOn(ParseResult.Parsed.class::isInstance).map(ParseResult.Parsed.class::cast)
                .flatMap(ParseResult.Parsed::resources).map(MappedResource::resource)
                .filteredOn(MedicationDispense.class::isInstance).map(r -> ((MedicationDispense) r)
                        .getMedicationCodeableConcept().getCodingFirstRep().getCode()).containsExactly("2171022F1021");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("アムロジピン");
    }

    @Test
    void everythingReturnsTheStoredPartiesTheDispensingsNameAsIncludedAndAuditsThem() throws Exception {
        Facility pharmacy = ImportFacilities.fresh(facilities, FacilityKind.PHARMACY, "全件薬局");
        String kana = "ゼンケン" + "アイウエオカキクケコ".charAt(ThreadLocalRandom.current().nextInt(10));
        String notebook = String.join("\r\n", "JAHISTC08,1", "1,全件 花子,2,19660404,,,,,,,ゼンケン " + kana,
                "5,20260110,1", "11,全件薬局,34,4,2345678,,,082-000-0001,1", "15,全件 次郎,082-000-0001,1",
                "51,全件病院,34,1,8765432,1", "55,全件 一郎,内科,1", "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1021,1",
                "301,1,朝食後,28,日分,1,1,,1") + "\r\n";
        long personId = imported(pharmacy, "everything", notebook);
        String own = clients.token(port, clients.register(pharmacy, "system/*.read"));
        String stranger = clients.token(port, clients.register(ImportFacilities.fresh(facilities, FacilityKind.CLINIC,
                "全件他院"), "system/*.read"));
        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();

        String json = new String(get("/fhir/Patient/" + personId + "/$everything", own).body(), StandardCharsets.UTF_8);
        String xml = new String(get("/fhir/Patient/" + personId + "/$everything?_format=xml", own).body(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> refused = get("/fhir/Patient/" + personId + "/$everything", stranger);

        var bundle = (Bundle) FhirContext.forR4Cached().newJsonParser().parseResource(json);
        var fromXml = (Bundle) FhirContext.forR4Cached().newXmlParser().parseResource(xml);
        for (var read : List.of(bundle, fromXml)) {
            MedicationDispense dispense = read.getEntry().stream().map(e -> e.getResource())
                    .filter(MedicationDispense.class::isInstance).map(MedicationDispense.class::cast).findFirst().orElseThrow();
            var included = read.getEntry().stream()
                    .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE).toList();
            assertThat(included).extracting(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
                    .containsExactlyInAnyOrder(dispense.getPerformer().get(0).getActor().getReference(),
                            dispense.getPerformer().get(1).getActor().getReference(),
                            ((PractitionerRole) dispense.getContained().getFirst()).getOrganization().getReference(),
                            ((PractitionerRole) dispense.getContained().getFirst()).getPractitioner().getReference());
            assertThat(included).extracting(e -> e.getResource() instanceof Organization o ? o.getName()
                    : ((Practitioner) e.getResource()).getNameFirstRep().getText())
                    .containsExactlyInAnyOrder("全件薬局", "全件 次郎", "全件病院", "全件 一郎");
            assertThat(read.getTotal()).as("the person, the pharmacy's patient and the dispensing; includes are not matches")
                    .isEqualTo(3);
        }
        List<String> audited = jdbc.sql("SELECT unnest(resource_ids) FROM audit_event WHERE seq > ? AND action = 'SEARCH'"
                + " AND outcome = 'PERMIT'").param(before).query(String.class).list();
        assertThat(audited).as("each $everything's audit row names what it included")
                .filteredOn(id -> bundle.getEntry().stream().anyMatch(e -> e.getSearch().getMode()
                        == Bundle.SearchEntryMode.INCLUDE && e.getResource().getIdElement().getIdPart().equals(id)))
                .hasSize(8);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("全件薬局");
    }

    /** Imports the notebook as the pharmacy's own (a source named {@code name}); gives the person it is about. */
    private long imported(Facility pharmacy, String name, String notebook) {
        ImportSource source = sources.create(pharmacy.id(), ImportKind.JAHIS, name, null, false);
        imports.run(source, List.of(new IncomingFile(SourceFile.of("n.txt", notebook.getBytes(StandardCharsets.UTF_8)),
                Instant.now())).iterator(), new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE),
                ImportProgress.NONE);
        return person(pharmacy);
    }

    /** The person behind the pharmacy's one patient, whom the pharmacy then links at its counter with the card. */
    private long person(Facility pharmacy) {
        long person = jdbc.sql("""
                SELECT l.person_id FROM source_patient s JOIN person_link l ON l.source_patient_id = s.id
                WHERE s.facility_id = ?""").param(pharmacy.id()).query(Long.class).single();
        consents.link(person, pharmacy.id(), 0);
        return person;
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
