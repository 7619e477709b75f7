package org.musubi.fhirapi.access;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.musubi.testing.EveryKindOfRecord;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scope table, generated: every row of {@link ScopeTable} × a set of scopes, each call made over HTTP by a
 * system of a clinic that the policy lets see the whole record ({@link EveryKindOfRecord}), and checked against a
 * small oracle: a call whose needed types a scope does not allow is refused with 403 and one audit row; any other
 * returns exactly the types it returns with a scope for everything, less those no scope allows, and its audit row
 * names exactly what was returned. A row without a probe fails, and so does an interaction the server announces in
 * its CapabilityStatement without a row.
 */
@MusubiIntegrationTest
class ScopeMatrixIT extends NetworkFixtures {

    static final String JSON = "application/fhir+json";
    static final List<List<String>> SCOPES = List.of(
            List.of("system/Patient.read"),
            List.of("system/Patient.read", "system/Observation.read"),
            List.of("system/*.read"),
            List.of("system/Observation.read", "system/Encounter.read"),
            List.of("system/Patient.read", "system/MedicationDispense.read", "system/Organization.read"),
            List.of("system/Patient.read", "system/Bundle.read", "system/Binary.read"),
            List.of("system/*.write"),
            List.of("system/*.read", "system/Observation.write", "system/Bundle.write"));

    @Autowired
    EveryKindOfRecord records;

    /** What HAPI serves about the server itself, and the pathway templates' forms (no patient's data): any token. */
    static final Set<String> METADATA = Set.of("CapabilityStatement", "OperationDefinition", "Questionnaire");

    /**
     * The oracle: a scope names the type or {@code *}, and the access or {@code *}; a Bundle is read only with
     * {@code *}; the server's metadata is public.
     */
    static boolean permits(List<String> scopes, String type, boolean write) {
        if (METADATA.contains(type)) {
            return true;
        }
        for (String scope : scopes) {
            String[] parts = scope.substring("system/".length()).split("\\.");
            boolean typeFits = parts[0].equals("*") || (parts[0].equals(type) && (write || !type.equals("Bundle")));
            if (typeFits && (parts[1].equals("*") || parts[1].equals(write ? "write" : "read"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One call of a row: what it needs, its status when allowed ({@code 2}: any 2xx), what it returns with a scope
     * for everything, how it is made.
     */
    record Probe(String name, boolean write, int ok, Set<String> needs, Set<String> returns,
                 Function<FhirHttp, Answer> call, java.util.function.Consumer<List<String>> audited) {

        Probe(String name, boolean write, int ok, Set<String> needs, Set<String> returns,
              Function<FhirHttp, Answer> call) {
            this(name, write, ok, needs, returns, call, null);
        }
    }

    /**
     * What came back: the status, the types returned, where they are stored resources their ids, and whether the
     * types the audit row names were returned too (a file answer).
     */
    record Answer(int status, Set<String> types, Set<String> ids, boolean andAudited) {
    }

    @Test
    void everyInteractionTheServerAnnouncesHasARow() {
        CapabilityStatement capability = clients.context().newJsonParser().parseResource(CapabilityStatement.class,
                new FhirHttp(port, null).get("metadata", JSON).body());
        List<String> announced = new ArrayList<>();
        for (var rest : capability.getRest()) {
            rest.getInteraction().forEach(i -> announced.add("null " + i.getCode().toCode()));
            rest.getOperation().forEach(o -> announced.add("null $" + o.getName().replaceFirst("^\\$", "")));
            for (var resource : rest.getResource()) {
                resource.getInteraction().forEach(i -> announced.add(resource.getType() + " " + i.getCode().toCode()));
                resource.getOperation().forEach(o -> announced.add(resource.getType() + " $"
                        + o.getName().replaceFirst("^\\$", "")));
            }
        }

        assertThat(announced).contains("Patient $everything", "Observation search-type", "null transaction");
        assertThat(announced).allSatisfy(a -> assertThat(ScopeTable.of(a.startsWith("null ") ? null
                : a.substring(0, a.indexOf(' ')), a.substring(a.indexOf(' ') + 1))).as(a).isPresent());
    }

    @TestFactory
    List<DynamicTest> everyRowTimesEveryScopeSetReturnsWhatTheOracleAllows() {
        EveryKindOfRecord.Record record = records.create(port);
        Fixture f = fixture(record);
        Map<ScopeTable, List<Probe>> probes = new ScopeMatrixProbes(f, clients.context()).all();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every row has a probe", () ->
                assertThat(probes.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ScopeTable.class))));
        for (List<String> scopes : SCOPES) {
            var registered = clients.register(record.clinic(), scopes.toArray(String[]::new));
            FhirHttp http = new FhirHttp(port, clients.token(port, registered));
            String client = registered.client().clientId();
            probes.forEach((row, list) -> list.forEach(probe -> {
                String name = row + " " + probe.name() + " " + scopes;
                tests.add(DynamicTest.dynamicTest(name, () -> assertThat(probe).as(name)
                        .satisfies(p -> check(f, p, scopes, http, client))));
            }));
        }
        return tests;
    }

    private void check(Fixture f, Probe probe, List<String> scopes, FhirHttp http, String client) {
        long before = audit.max();
        Answer answer = probe.call().apply(http);
        List<String> rows = audit.since(before, client);
        boolean allowed = probe.needs().stream().allMatch(t -> permits(scopes, t, probe.write()));
        if (!allowed) {
            assertThat(answer.status()).as("refused by scope").isEqualTo(403);
            assertThat(rows).containsExactly("ACCESS_DENIED DENY scope " + scopes.stream().sorted().toList()
                    + " does not allow " + (probe.write() ? "write" : "read"));
            return;
        }
        if (probe.ok() == 2) {
            assertThat(answer.status() / 100).as("status " + answer.status()).isEqualTo(2);
        } else {
            assertThat(answer.status()).isEqualTo(probe.ok());
        }
        Set<String> expected = probe.returns().stream().filter(t -> probe.needs().contains(t)
                || permits(scopes, t, probe.write())).collect(Collectors.toSet());
        Set<String> types = new LinkedHashSet<>(answer.types());
        if (answer.andAudited()) {
            audit.resourceIds(before, client).getFirst().forEach(id -> types.add(f.typeOf().get(id)));
        }
        assertThat(types).as("types returned").containsExactlyInAnyOrderElementsOf(expected);
        long refusedEntries = probe.returns().stream().filter(t -> !permits(scopes, t, true)).count();
        assertThat(rows.stream().filter(r -> r.startsWith("ACCESS_DENIED"))).as("scope refusals")
                .hasSize(probe.needs().isEmpty() && probe.write() ? (int) refusedEntries : 0);
        if (!probe.returns().isEmpty() && METADATA.containsAll(probe.returns())) {
            assertThat(rows).as("public: no audit row").isEmpty();
        } else if (!probe.write() && probe.audited() != null) {
            probe.audited().accept(rows); // a read of several interactions (a bulk export: one per patient read)
        } else if (!probe.write()) {
            assertThat(rows).as("one audit row").hasSize(1);
        }
        if (answer.ids() != null) {
            List<List<String>> named = audit.resourceIds(before, client);
            Set<String> returned = new LinkedHashSet<>(answer.ids());
            returned.remove(String.valueOf(f.record().personId()));
            assertThat(named.getFirst()).as("the audit row names what was returned")
                    .containsExactlyInAnyOrderElementsOf(returned);
        }
    }

    /** The record, every stored id's type (from $everything with a scope for everything), and the person as sent. */
    record Fixture(EveryKindOfRecord.Record record, Map<String, String> typeOf, Patient person, FhirHttp writer,
                   String clinicPatient) {
    }

    private Fixture fixture(EveryKindOfRecord.Record record) {
        FhirHttp all = new FhirHttp(port, clients.token(port, clients.register(record.clinic(), "system/*.*")));
        IParser json = clients.context().newJsonParser();
        Bundle everything = json.parseResource(Bundle.class,
                all.get("Patient/" + record.personId() + "/$everything", JSON).body());
        Map<String, String> typeOf = new HashMap<>();
        everything.getEntry().forEach(e -> typeOf.put(e.getResource().getIdElement().getIdPart(), e.getResource().fhirType()));
        Patient person = json.parseResource(Patient.class, all.get("Patient/" + record.personId(), JSON).body());
        String local = FhirRecords.localId();
        Patient own = FhirRecords.newPatient(record.clinic(), local, "カキコミ");
        assertThat(all.send("POST", "Patient", JSON, JSON, json.encodeResourceToString(own)).statusCode()).isEqualTo(201);
        return new Fixture(record, typeOf, person, all, local);
    }

    /** A $match of the person's own demographics, at most one candidate (so at most one person opened). */
    static String match(Patient person, IParser json) {
        Patient query = new Patient().setName(person.getName()).setGender(person.getGender())
                .setBirthDateElement(person.getBirthDateElement());
        Parameters in = new Parameters();
        in.addParameter().setName("resource").setResource(query);
        in.addParameter().setName("count").setValue(new IntegerType(1));
        return json.encodeResourceToString(in);
    }

    /** The answer of a call returning a Bundle of resources ({@code entries}) or one resource, with their ids. */
    static Answer resources(HttpResponse<String> response, IParser json, boolean entries) {
        if (response.statusCode() != 200) {
            return new Answer(response.statusCode(), Set.of(), null, false);
        }
        Resource resource = (Resource) json.parseResource(response.body());
        List<Resource> held = entries ? ((Bundle) resource).getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList() : List.of(resource);
        return new Answer(200, held.stream().map(Resource::fhirType).collect(Collectors.toSet()),
                held.stream().map(r -> r.getIdElement().getIdPart()).collect(Collectors.toSet()), false);
    }

    static Map<ScopeTable, List<Probe>> byRow(List<Map.Entry<ScopeTable, Probe>> probes) {
        Map<ScopeTable, List<Probe>> rows = new EnumMap<>(ScopeTable.class);
        probes.forEach(p -> rows.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
        return rows;
    }
}
