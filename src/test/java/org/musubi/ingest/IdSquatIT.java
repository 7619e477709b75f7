package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.audit.Actor;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.adapter.ImportIds;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.readers.SourceReaders;
import org.musubi.record.IdKey;
import org.musubi.record.IdKeys;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.AuditRows;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding 6: another facility's system cannot take the ids hospital A's next SS-MIX2 import will use. Its update-as-
 * create under them (PUT, and a transaction's PUT entry) answers exactly as one under a free UUID, the one 404, audited
 * once as {@code record.idReserved}, whether the id is made the old, public way or the new, keyed way; A's import then
 * stores every patient; and a PUT on A's stored resource answers the same again ({@code record.notOwner}). Before the
 * fix the PUT created the resource (201) and A's import failed as a whole.
 */
@MusubiIntegrationTest
class IdSquatIT {

    @LocalServerPort int port;
    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired SourceReaders readers;
    @Autowired Facilities facilities;
    @Autowired IdentityBatches identities;
    @Autowired IdKeys keys;
    @Autowired FhirClients clients;
    @Autowired AuditRows audit;
    @Autowired JdbcClient jdbc;

    @TempDir Path dir;

    @Test
    void anotherFacilityCannotTakeTheIdsOfAHospitalsNextImport() throws Exception {
        Path storage = Ssmix2Storages.oneHospital(dir);
        Facility hospital = ImportFacilities.fresh(facilities, FacilityKind.HOSPITAL, "先取病院");
        Facility other = ImportFacilities.fresh(facilities, FacilityKind.CLINIC, "先取診療所");
        ImportSource source = sources.create(hospital.id(), ImportKind.SSMIX2, "storage", storage.toString(), false);
        ParseResult.Parsed lab = firstWith("Observation", source, storage);
        String local = lab.patient().localId();
        String key = lab.resources().stream().filter(m -> m.resource().fhirType().equals("Observation")).findFirst()
                .orElseThrow().sourceKey();
        ImportIds publicIds = ImportIds.of(new IdKey(IdKey.Scheme.LEGACY, new byte[32]), hospital.id());
        ImportIds keyedIds = ImportIds.of(keys.current(), hospital.id());
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("Patient, the public way", "Patient/" + publicIds.resource(local, "Patient", local));
        targets.put("Patient, the keyed way", "Patient/" + keyedIds.resource(local, "Patient", local));
        targets.put("Observation, the public way", "Observation/" + publicIds.resource(local, "Observation", key));
        targets.put("Observation, the keyed way", "Observation/" + keyedIds.resource(local, "Observation", key));

        String token = clients.token(port, clients.register(other, "system/*.read", "system/*.write"));
        String ownLocal = FhirRecords.localId();
        FhirRecords.registerPatient(clients.fhir(port, token), other, ownLocal, FhirRecords.uniqueKana());
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String type = target.getValue().substring(0, target.getValue().indexOf('/'));
            String free = type + "/" + UUID.randomUUID();
            List<String> newLocals = List.of(FhirRecords.localId(), FhirRecords.localId()); // a Patient PUT registers its patient
            long before = audit.max();
            HttpResponse<String> taken = put(token, target.getValue(), body(type, other, newLocals.get(0), ownLocal));
            long between = audit.max();
            HttpResponse<String> absent = put(token, free, body(type, other, newLocals.get(1), ownLocal));

            assertAlike(target.getKey(), taken, target.getValue(), absent, free);
            assertThat(audit.reasons(before, "UPDATE", type)).as(target.getKey()).containsExactly("record.idReserved",
                    "record.idReserved");
            assertThat(audit.countSince(before) - audit.countSince(between)).as(target.getKey() + ": one row").isEqualTo(1);
            assertThat(identities.sourcePatients(other.id(), newLocals)).as("nothing of a refused Patient kept").isEmpty();
        }
        HttpResponse<String> inTransaction = post(token, transaction(targets.get("Observation, the public way"),
                FhirRecords.lab(other, ownLocal, FhirRecords.HBA1C, "2026-01-06", 6.2)));
        assertThat(inTransaction.statusCode()).as("a transaction's PUT entry").isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility = ? AND type = 'Observation'")
                .param(other.id()).query(Long.class).single()).as("nothing of the attacker's stored").isZero();

        ImportBatch batch = imports.run(source, FolderFiles.of(ImportKind.SSMIX2, storage),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);

        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsRejected()).isZero();
        List<String> patients = patientsOf(source, storage);
        assertThat(jdbc.sql("SELECT count(DISTINCT patient_key) FROM resource WHERE source_facility = ? AND type = 'Patient'")
                .param(hospital.id()).query(Long.class).single()).as("every patient stored").isEqualTo(patients.size());
        assertThat(identities.sourcePatients(hospital.id(), patients)).hasSize(patients.size());
        String stored = targets.get("Observation, the keyed way");
        assertThat(jdbc.sql("SELECT source_facility FROM resource WHERE id = ?").param(stored.split("/")[1])
                .query(Long.class).list()).as("the hospital's result under the id its import made").containsExactly(hospital.id());

        String free = "Observation/" + UUID.randomUUID();
        Observation body = FhirRecords.lab(other, ownLocal, FhirRecords.HBA1C, "2026-01-07", 6.3);
        long before = audit.max();
        HttpResponse<String> foreign = put(token, stored, body);
        long between = audit.max();
        HttpResponse<String> absent = put(token, free, body);
        assertAlike("the hospital's stored result", foreign, stored, absent, free);
        assertThat(audit.reasons(before, "UPDATE", "Observation")).containsExactly("record.notOwner", "record.idReserved");
        assertThat(audit.countSince(before) - audit.countSince(between)).isEqualTo(1);
    }

    /** The same status, header names, content type and body (the id asked for aside): nothing tells the two apart. */
    private static void assertAlike(String what, HttpResponse<String> refused, String refusedId, HttpResponse<String> absent,
                                    String absentId) {
        assertThat(refused.statusCode()).as(what).isEqualTo(404).isEqualTo(absent.statusCode());
        assertThat(headers(refused)).as(what).isEqualTo(headers(absent));
        assertThat(refused.headers().firstValue("Content-Type")).as(what).isEqualTo(absent.headers().firstValue("Content-Type"));
        assertThat(refused.body().replace(refusedId, "{asked}")).as(what).isEqualTo(absent.body().replace(absentId, "{asked}"));
    }

    private static Set<String> headers(HttpResponse<String> response) {
        Set<String> names = new TreeSet<>(response.headers().map().keySet());
        names.removeAll(Set.of("date", "x-request-id", "content-length", "keep-alive", "connection"));
        return names;
    }

    /** A body for a PUT of {@code type}: a new patient of the facility, or a result of its patient {@code ownLocal}. */
    private static Resource body(String type, Facility facility, String newLocal, String ownLocal) {
        return type.equals("Patient") ? FhirRecords.newPatient(facility, newLocal, FhirRecords.uniqueKana())
                : FhirRecords.lab(facility, ownLocal, FhirRecords.HBA1C, "2026-01-05", 6.0);
    }

    /** The first record of the storage (read as the import will read it) that maps a resource of {@code type}. */
    private ParseResult.Parsed firstWith(String type, ImportSource source, Path storage) {
        for (ParseResult result : read(source, storage)) {
            if (result instanceof ParseResult.Parsed p && p.resources().stream().anyMatch(m -> m.resource().fhirType().equals(type))) {
                return p;
            }
        }
        throw new AssertionError("the storage has no " + type);
    }

    private List<String> patientsOf(ImportSource source, Path storage) {
        return read(source, storage).stream().filter(ParseResult.Parsed.class::isInstance)
                .map(r -> ((ParseResult.Parsed) r).patient().localId()).distinct().toList();
    }

    private List<ParseResult> read(ImportSource source, Path storage) {
        SourceReader reader = readers.of(source).orElseThrow();
        MappingContext context = new MappingContext(facilities.find(source.facilityId()).orElseThrow().code().value(), "先取病院");
        List<ParseResult> results = new ArrayList<>();
        for (Iterator<IncomingFile> files = FolderFiles.of(ImportKind.SSMIX2, storage); files.hasNext(); ) {
            reader.read(files.next().file(), context, results::add);
        }
        return results;
    }

    private static String transaction(String target, Observation observation) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("http://localhost/fhir/" + target).setResource(observation.setId(target)).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl(target);
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }

    private HttpResponse<String> put(String token, String path, Resource body) throws Exception {
        body.setId(path);
        return send(token, "PUT", path, FhirContext.forR4Cached().newJsonParser().encodeResourceToString(body));
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        return send(token, "POST", "", json);
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json")
                .header("Content-Type", "application/fhir+json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
