package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Audit;
import org.musubi.database.Standby;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.MatchSourcePatients;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.batch.MappingContexts;
import org.musubi.ingest.chunk.ImportAudits;
import org.musubi.ingest.chunk.ImportChunks;
import org.musubi.ingest.chunk.ImportPatients;
import org.musubi.ingest.chunk.Preparation;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.readers.SourceReaders;
import org.musubi.record.IdKeys;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.imports.ImportRecords;
import org.musubi.record.store.ResourceStore;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import screens: each administrator sees and manages only what they may, and a look at rejected records is audited. */
@MusubiIntegrationTest
class ImportAdminIT {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ImportLedger ledger;
    @Autowired ImportSources sources;
    @Autowired Facilities facilities;
    @Autowired IdKeys idKeys;
    @Autowired IdentityBatches identityBatches;
    @Autowired MatchSourcePatients matching;
    @Autowired InsuredKeys insuredKeys;
    @Autowired ResourceStore store;
    @Autowired ImportRecords records;
    @Autowired Audit audit;
    @Autowired FhirContext fhir;
    @Autowired ResourceEncoder encoder;
    @Autowired JdbcClient jdbc;

    @Test
    void aFacilityAdminRegistersSourcesForItsOwnFacilityOnly() {
        User clinicAdmin = accounts.facilityAdmin(FacilityKind.CLINIC);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        WebSession web = loggedIn(clinicAdmin);
        String name = "drop-" + ThreadLocalRandom.current().nextInt(1_000_000);

        HttpResponse<String> own = web.post("/admin/imports/sources", "facilityId", String.valueOf(clinic.id()),
                "kind", "JAHIS", "name", name, "location", "");
        assertThat(web.get(WebSession.location(own)).body()).contains("保存しました");
        HttpResponse<String> foreign = web.post("/admin/imports/sources", "facilityId", String.valueOf(hospital.id()),
                "kind", "JAHIS", "name", name, "location", "");
        HttpResponse<String> watchedWithoutFolder = web.post("/admin/imports/sources", "facilityId", String.valueOf(clinic.id()),
                "kind", "LAB_CSV", "name", name, "location", "/no/such/folder", "watch", "true");

        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(sources.find(clinic.id(), ImportKind.JAHIS, name)).isPresent();
        assertThat(sources.find(hospital.id(), ImportKind.JAHIS, name)).isEmpty();
        String shown = web.get(WebSession.location(watchedWithoutFolder)).body();
        assertThat(shown).contains("/no/such/folder");
        assertThat(sources.find(clinic.id(), ImportKind.LAB_CSV, name)).isEmpty();
        assertThat(web.get("/admin/imports").body()).contains(name);
        assertThat(loggedIn(accounts.facilityAdmin(FacilityKind.HOSPITAL)).get("/admin/imports").body()).doesNotContain(name);
    }

    @Test
    void rejectedRecordsAreShownWithTheirRawInputToTheFacilitysAdminsOnlyAndEachLookIsAudited() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        ImportSource source = sources.findOrCreate(clinic.id(), ImportKind.LAB_CSV, "screen-" + System.nanoTime(), null);
        ImportBatch batch = importer().run(source, List.of(new IncomingFile(SourceFile.of("bad.txt",
                        "!この行は読めません".getBytes(StandardCharsets.UTF_8)), Instant.now())).iterator(),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
        User clinicAdmin = accounts.facilityAdmin(FacilityKind.CLINIC);
        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();

        HttpResponse<String> page = loggedIn(clinicAdmin).get("/admin/imports/" + batch.id());
        HttpResponse<String> otherFacility = loggedIn(accounts.facilityAdmin(FacilityKind.HOSPITAL))
                .get("/admin/imports/" + batch.id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("!この行は読めません").contains("bad.txt: line 1").contains("test.bad");
        assertThat(otherFacility.statusCode()).isEqualTo(403);
        assertThat(otherFacility.body()).doesNotContain("この行は読めません");
        assertThat(jdbc.sql("SELECT action || ' ' || outcome || ' ' || resource_type FROM audit_event WHERE seq > ? AND login_id = ? AND action = 'READ'")
                .params(before, clinicAdmin.loginId()).query(String.class).list()).containsExactly("READ PERMIT ImportBatch");
    }

    private RunImport importer() {
        return new RunImport(ledger, SourceReaders.of(Map.of(ImportKind.LAB_CSV, new LineReader())),
                new MappingContexts(facilities, idKeys),
                new ImportChunks(new ImportPatients(identityBatches, matching, store, insuredKeys), new Preparation(fhir, encoder),
                        ledger, records, new ImportAudits(audit)), Standby.fixed(false));
    }

    private WebSession loggedIn(User user) {
        WebSession web = new WebSession(port);
        accounts.logIn(web, user);
        web.get("/");
        return web;
    }
}
