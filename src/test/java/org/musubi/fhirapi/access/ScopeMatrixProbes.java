package org.musubi.fhirapi.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.fhirapi.access.ScopeMatrixIT.JSON;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.fhirapi.access.ScopeMatrixIT.Answer;
import org.musubi.fhirapi.access.ScopeMatrixIT.Fixture;
import org.musubi.fhirapi.access.ScopeMatrixIT.Probe;
import org.musubi.fhirapi.export.BulkExports;
import org.musubi.registry.Facility;
import org.musubi.testing.EveryKindOfRecord;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;

/**
 * The calls of {@link ScopeMatrixIT}, at least one per row of the {@link ScopeTable}: reads of the record of every
 * kind, writes of the clinic's own patient's data (each update and delete on a resource of its own, made just
 * before), and the calls every token may make.
 */
final class ScopeMatrixProbes {

    private static final Set<String> OBSERVATION = Set.of("Observation");
    private final Fixture f;
    private final FhirContext context;
    private final IParser json;
    private final IParser xml;

    ScopeMatrixProbes(Fixture fixture, FhirContext context) {
        this.f = fixture;
        this.context = context;
        this.json = context.newJsonParser();
        this.xml = context.newXmlParser();
    }

    Map<ScopeTable, List<Probe>> all() {
        String person = "Patient/" + f.record().personId();
        return ScopeMatrixIT.byRow(List.of(
                Map.entry(ScopeTable.READ, read("Observation", "Observation/" + f.record().observation())),
                Map.entry(ScopeTable.OPERATION_DEFINITION, new Probe("of $everything", false, 200, Set.of(),
                        Set.of("OperationDefinition"), h -> withoutIds(resource(h.get(operationDefinition(h), JSON))))),
                Map.entry(ScopeTable.READ, read("Bundle", "Bundle/" + f.record().bundle())),
                Map.entry(ScopeTable.READ, patients("Patient (the person)", h -> resource(h.get(person, JSON)))),
                Map.entry(ScopeTable.VREAD, read("Observation", "Observation/" + f.record().observation() + "/_history/1")),
                Map.entry(ScopeTable.HISTORY, read("Observation", "Observation/" + f.record().observation() + "/_history")),
                Map.entry(ScopeTable.SEARCH, new Probe("Observation with _include", false, 200, OBSERVATION,
                        Set.of("Observation", "Encounter", "Organization"), h -> entries(h.get("Observation?patient="
                        + person + "&_include=Observation:encounter&_include=Observation:performer", JSON), json))),
                Map.entry(ScopeTable.PDQM_SEARCH, patients("_id", h -> entries(h.get("Patient?_id=" + f.record().personId(),
                        JSON), json))),
                Map.entry(ScopeTable.MATCH, patients("own demographics", h -> entries(h.send("POST", "Patient/$match",
                        JSON, JSON, ScopeMatrixIT.match(f.person(), json)), json))),
                Map.entry(ScopeTable.PIX, new Probe("regional ID", false, 200, Set.of("Patient"), Set.of("Patient"),
                        h -> pix(h.get("Patient/$ihe-pix?sourceIdentifier=urn:musubi:regional-id%7C" + f.record().regionalId(),
                                JSON)))),
                Map.entry(ScopeTable.EVERYTHING, everything("JSON", JSON)),
                Map.entry(ScopeTable.EVERYTHING, everything("XML", "application/fhir+xml")),
                Map.entry(ScopeTable.MEDICATION_NOTEBOOK, new Probe("UTF-8", false, 200,
                        Set.of("Patient", "MedicationDispense"), Set.of("Patient", "MedicationDispense", "AllergyIntolerance",
                        "MedicationStatement", "Organization", "Practitioner"), h -> notebook(h.get(person
                        + "/$medication-notebook?charset=UTF-8", "text/plain")))),
                Map.entry(ScopeTable.SUMMARY, new Probe("document", false, 200, Set.of("Patient", "Bundle"),
                        Set.of("Bundle"), h -> withoutIds(resource(h.get(person + "/$summary", JSON))))),
                Map.entry(ScopeTable.SUMMARY, new Probe("document by regional ID", false, 200, Set.of("Patient", "Bundle"),
                        Set.of("Bundle"), h -> withoutIds(resource(h.get("Patient/$summary?identifier="
                                + "urn:musubi:regional-id%7C" + f.record().regionalId(), JSON))))),
                // The caller's own facility's 6 items: a container, like the summary document.
                Map.entry(ScopeTable.CLINS_SIX, new Probe("6 items", false, 200, Set.of("Patient", "Bundle"),
                        Set.of("Bundle"), h -> withoutIds(resource(h.get(person + "/$clins-6", JSON))))),
                Map.entry(ScopeTable.BINARY_READ, new Probe("PDF", false, 200, Set.of("Binary"), Set.of("Binary"),
                        h -> file(h.get("Binary/" + f.record().binary(), "application/pdf")))),
                Map.entry(ScopeTable.AUDIT_EVENT_SEARCH, new Probe("systems never", false, 403, Set.of("AuditEvent"),
                        Set.of(), h -> new Answer(h.get("AuditEvent", JSON).statusCode(), Set.of(), null, false))),
                // Counts of the caller's own facility (none here): a collection Bundle of MeasureReports.
                Map.entry(ScopeTable.SURVEILLANCE_DAILY, new Probe("a day's counts", false, 200, Set.of("MeasureReport"),
                        Set.of("Bundle"), h -> withoutIds(resource(h.get("MeasureReport/$surveillance-daily?date="
                                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1), JSON))))),
                // Bulk export: the clinic's patients' records as its searches return them, polled and downloaded.
                Map.entry(ScopeTable.EXPORT, export("system", "$export")),
                Map.entry(ScopeTable.EXPORT_PATIENT, export("Patient", "Patient/$export")),
                Map.entry(ScopeTable.EXPORT_GROUP, new Probe("Groups are not kept", false, 404, Set.of("Patient"),
                        Set.of(), h -> new Answer(kickOff(h, "Group/" + f.record().personId() + "/$export").statusCode(),
                        Set.of(), null, false))),
                Map.entry(ScopeTable.CAPABILITIES, new Probe("metadata", false, 200, Set.of(), Set.of("CapabilityStatement"),
                        h -> withoutIds(resource(h.get("metadata", JSON))))),
                // The pathway templates' stage forms: the network's data, read by every token, no audit row.
                Map.entry(ScopeTable.QUESTIONNAIRE_READ, new Probe("a stage form", false, 200, Set.of(),
                        Set.of("Questionnaire"), h -> withoutIds(resource(h.get("Questionnaire/stroke.acute.1", JSON))))),
                Map.entry(ScopeTable.QUESTIONNAIRE_SEARCH, new Probe("by url", false, 200, Set.of(),
                        Set.of("Questionnaire"), h -> withoutIds(entries(h.get(
                                "Questionnaire?url=urn:musubi:pathway:stroke/acute&version=1", JSON), json)))),
                Map.entry(ScopeTable.CREATE, write("Observation", OBSERVATION, h -> h.send("POST", "Observation", JSON, JSON,
                        json.encodeResourceToString(lab())))),
                Map.entry(ScopeTable.CREATE, write("collection Bundle", Set.of("Bundle", "Patient", "Observation"),
                        h -> h.send("POST", "Bundle", JSON, JSON, json.encodeResourceToString(collection())))),
                Map.entry(ScopeTable.UPDATE, write("Observation", OBSERVATION, h -> {
                    String id = own();
                    return h.send("PUT", "Observation/" + id, JSON, JSON, json.encodeResourceToString(lab().setId(id)));
                })),
                Map.entry(ScopeTable.DELETE, write("Observation", OBSERVATION,
                        h -> h.send("DELETE", "Observation/" + own(), JSON, null, null))),
                Map.entry(ScopeTable.TRANSACTION, write("Patient and Observation", Set.of("Patient", "Observation"),
                        h -> h.send("POST", "", JSON, JSON, json.encodeResourceToString(newPatientAndLab(
                                Bundle.BundleType.TRANSACTION))))),
                Map.entry(ScopeTable.BATCH, new Probe("batch of a Patient and an Observation", true, 200, Set.of(),
                        Set.of("Patient", "Observation"), this::batch)),
                Map.entry(ScopeTable.BINARY_CREATE, write("PDF", Set.of("Binary"),
                        h -> h.send("POST", "Binary", JSON, "application/pdf", "%PDF-1.4 試験")))));
    }

    /**
     * An export kicked off, polled and downloaded: the types of its files. What a token for everything receives (the
     * clinic's patients' types) is what the oracle narrows; the audit rows are the door's, one per patient read, and
     * the export's one row, and one per file.
     */
    private Probe export(String name, String path) {
        return new Probe(name, false, 202, Set.of("Patient"), exportedTypes(), h -> {
            HttpResponse<String> kicked = kickOff(h, path);
            if (kicked.statusCode() != 202) {
                return new Answer(kicked.statusCode(), Set.of(), null, false);
            }
            return new Answer(202, exported(h, kicked), null, false);
        }, rows -> {
            assertThat(rows).filteredOn(r -> r.startsWith("EXPORT ")).singleElement().asString()
                    .startsWith("EXPORT PERMIT FHIR $export");
            assertThat(rows).filteredOn(r -> r.startsWith("READ PERMIT FHIR $export file:")).isNotEmpty();
        });
    }

    private Set<String> exportedTypes() {
        if (exportedTypes == null) {
            exportedTypes = exported(f.writer(), kickOff(f.writer(), "$export"));
        }
        return exportedTypes;
    }

    private Set<String> exportedTypes;

    private Set<String> exported(FhirHttp h, HttpResponse<String> kicked) {
        HttpResponse<String> done = BulkExports.poll(kicked.headers().firstValue("Content-Location").orElseThrow(),
                h.token());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return BulkExports.download(BulkExports.outputs(done.body()), h.token(), context).keySet();
    }

    private static HttpResponse<String> kickOff(FhirHttp h, String path) {
        return h.send(FhirHttp.request(h.port(), "GET", path, JSON, null, null, Map.of("Prefer", "respond-async")));
    }

    private Probe read(String type, String path) {
        return new Probe(path.endsWith("_history") ? type + " history" : path.contains("_history") ? type + " version"
                : type, false, 200, Set.of(type), Set.of(type), h -> path.endsWith("_history")
                ? entries(h.get(path, JSON), json) : resource(h.get(path, JSON)));
    }

    private Probe everything(String name, String format) {
        IParser parser = format.equals(JSON) ? json : xml;
        return new Probe(name, false, 200, Set.of("Patient"), EveryKindOfRecord.TYPES,
                h -> entries(h.get("Patient/" + f.record().personId() + "/$everything", format), parser));
    }

    /** Persons: one audit row per person opened, which names no stored resource. */
    private static Probe patients(String name, Function<FhirHttp, Answer> call) {
        return new Probe(name, false, 200, Set.of("Patient"), Set.of("Patient"), h -> withoutIds(call.apply(h)));
    }

    private static Answer withoutIds(Answer answer) {
        return new Answer(answer.status(), answer.types(), null, false);
    }

    private Answer resource(HttpResponse<String> response) {
        return ScopeMatrixIT.resources(response, json, false);
    }

    private static Answer entries(HttpResponse<String> response, IParser parser) {
        return ScopeMatrixIT.resources(response, parser, true);
    }

    /** The path of an OperationDefinition the CapabilityStatement refers to. */
    private String operationDefinition(FhirHttp h) {
        var capability = json.parseResource(CapabilityStatement.class, h.get("metadata", JSON).body());
        return capability.getRestFirstRep().getResource().stream().flatMap(r -> r.getOperation().stream())
                .map(o -> o.getDefinition()).filter(d -> d.contains("OperationDefinition/")).findFirst().orElseThrow()
                .replaceFirst("^.*(OperationDefinition/)", "$1");
    }

    private static Answer pix(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.statusCode() == 200 ? Set.of("Patient") : Set.of(), null, false);
    }

    /** The notebook's types are those its audit row names, and the patient heading it. */
    private static Answer notebook(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.statusCode() == 200 ? Set.of("Patient") : Set.of(), null, true);
    }

    private Answer file(HttpResponse<String> response) {
        boolean ok = response.statusCode() == 200;
        return new Answer(response.statusCode(), ok ? Set.of("Binary") : Set.of(), ok ? Set.of(f.record().binary()) : null,
                false);
    }

    private static Probe write(String name, Set<String> types, Function<FhirHttp, HttpResponse<String>> call) {
        return new Probe(name, true, 2, types, types, h -> {
            HttpResponse<String> response = call.apply(h);
            boolean ok = response.statusCode() / 100 == 2;
            return new Answer(response.statusCode(), ok ? types : Set.of(), null, false);
        });
    }

    private Answer batch(FhirHttp h) {
        Bundle batch = newPatientAndLab(Bundle.BundleType.BATCH);
        HttpResponse<String> response = h.send("POST", "", JSON, JSON, json.encodeResourceToString(batch));
        Set<String> written = new HashSet<>();
        Bundle answer = json.parseResource(Bundle.class, response.body());
        for (int i = 0; i < answer.getEntry().size(); i++) {
            if (answer.getEntry().get(i).getResponse().getStatus().startsWith("2")) {
                written.add(batch.getEntry().get(i).getResource().fhirType());
            }
        }
        return new Answer(response.statusCode(), written, null, false);
    }

    private Facility clinic() {
        return f.record().clinic();
    }

    /** A lab result of the clinic's own patient. */
    private Observation lab() {
        return FhirRecords.lab(clinic(), f.clinicPatient(), FhirRecords.HBA1C, "2024-06-01", 6.1);
    }

    /** A lab result of the clinic's own, stored by the clinic with a scope for everything. */
    private String own() {
        HttpResponse<String> created = f.writer().send("POST", "Observation", JSON, JSON, json.encodeResourceToString(lab()));
        return created.headers().firstValue("Location").orElseThrow().replaceFirst("^.*Observation/([^/]+).*$", "$1");
    }

    /** A new patient of the clinic and a lab result of the clinic's own patient, as a transaction or batch. */
    private Bundle newPatientAndLab(Bundle.BundleType type) {
        Bundle bundle = new Bundle().setType(type);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(FhirRecords.newPatient(clinic(), FhirRecords.localId(), "カキコミ"))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(lab())
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        return bundle;
    }

    /** A collection of the clinic's own patient and a lab result. */
    private Bundle collection() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
        String patient = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(patient).setResource(FhirRecords.newPatient(clinic(), FhirRecords.localId(), "カキコミ"));
        Resource lab = lab().setSubject(new Reference(patient));
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(lab);
        return bundle;
    }
}
