package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.security.ApiClientAdministration;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.SyntheaLikeRecords;
import org.musubi.testing.WebSession;

/**
 * Who reads the new types (issue 24, item 1): administrative data (Claim, ExplanationOfBenefit) only by the facility
 * that recorded it, and there by its systems and clerks, never by its doctors; a Provenance only by readers who may see
 * everything it is about; the care team, the device and the supply delivery as any clinical data; directory resources
 * (Location, Medication …) by every caller. What a caller may not see answers like what does not exist, and every
 * read leaves exactly one audit row of the caller.
 */
@MusubiIntegrationTest
class AdministrativeDataIT extends NetworkFixtures {

    private static final String FHIR_JSON = "application/fhir+json";

    /** A caller of /fhir: a facility's system with its token, or a user signed in to the portal. */
    private record Caller(String name, long userId, Function<String, HttpResponse<String>> get) {
    }

    /** Hospital A's stored record: the person and the {@code Type/id} of each entry of the transaction. */
    private record Stored(long person, List<String> ids, String location) {
        String id(int entry) {
            return ids.get(entry).substring(ids.get(entry).indexOf('/') + 1);
        }

        /** The hospital's own Patient (entry 0): how the hospital, which never linked the person, names its patient. */
        String own() {
            return id(0);
        }
    }

    @Test
    void theOwnersSystemSeesItsClaimsItsDoctorDoesNot() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Stored stored = store(hospital);
        Caller system = system(hospital);
        Caller doctor = user(hospital, Profession.DOCTOR);

        HttpResponse<String> systemsClaims = read(system, "Claim?patient=Patient/" + stored.own());
        HttpResponse<String> systemsEverything = read(system, "Patient/" + stored.own() + "/$everything");
        HttpResponse<String> doctorsClaims = read(doctor, "Claim?patient=Patient/" + stored.own());
        HttpResponse<String> doctorsEverything = read(doctor, "Patient/" + stored.own() + "/$everything");

        assertThat(systemsClaims.body()).contains("\"total\":1").contains(resource(stored.id(2)));
        assertThat(systemsEverything.body()).contains(resource(stored.id(2)), resource(stored.id(3)),
                resource(stored.id(10)));
        assertThat(doctorsClaims.statusCode()).isEqualTo(200);
        assertThat(doctorsClaims.body()).contains("\"total\":0").doesNotContain(resource(stored.id(2)));
        assertThat(doctorsEverything.body()).as("the doctor's own hospital's record, without what bills")
                .contains(resource(stored.id(1)), resource(stored.id(4)), resource(stored.id(5)), resource(stored.id(7)))
                .doesNotContain(resource(stored.id(2)), resource(stored.id(3)), "ExplanationOfBenefit")
                .as("nor the Provenance, which is about the claims too").doesNotContain(resource(stored.id(10)));
        assertAlike(read(doctor, "Claim/" + stored.id(2)), stored.id(2), read(doctor, "Claim/" + UUID.randomUUID()));
        assertAlike(read(doctor, "Provenance/" + stored.id(10)), stored.id(10),
                read(doctor, "Provenance/" + UUID.randomUUID()));
    }

    @Test
    void theOwnersClerkReadsTheClaimsAndNoClinicalData() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Stored stored = store(hospital);
        Caller clerk = user(hospital, Profession.MEDICAL_CLERK);

        HttpResponse<String> claim = read(clerk, "Claim/" + stored.id(2));
        HttpResponse<String> everything = read(clerk, "Patient/" + stored.own() + "/$everything");

        assertThat(claim.statusCode()).isEqualTo(200);
        assertThat(everything.body()).contains(resource(stored.id(2)), resource(stored.id(3)))
                .doesNotContain(resource(stored.id(1)), resource(stored.id(4)), resource(stored.id(5)),
                        resource(stored.id(7)), resource(stored.id(10)));
        assertAlike(read(clerk, "CareTeam/" + stored.id(4)), stored.id(4), read(clerk, "CareTeam/" + UUID.randomUUID()));
    }

    @Test
    void anotherFacilityWithConsentAndLinkSeesTheCareTeamButNeverTheClaims() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Stored stored = store(hospital);
        long admin = accounts.networkAdmin().id();
        consents.grant(stored.person(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
        consents.link(stored.person(), clinic.id(), admin);
        Caller system = system(clinic);
        Caller clerk = user(clinic, Profession.MEDICAL_CLERK);

        HttpResponse<String> careTeam = read(system, "CareTeam/" + stored.id(4));
        HttpResponse<String> device = read(system, "Device/" + stored.id(5));
        HttpResponse<String> everything = read(system, "Patient/" + stored.person() + "/$everything");
        long before = audit.max();
        HttpResponse<String> claim = read(system, "Claim/" + stored.id(2));

        assertThat(careTeam.statusCode()).isEqualTo(200);
        assertThat(careTeam.body()).contains("糖尿病ケアチーム");
        assertThat(device.statusCode()).isEqualTo(200);
        assertThat(everything.body())
                .contains(resource(stored.id(1)), resource(stored.id(4)), resource(stored.id(5)), resource(stored.id(7)))
                .doesNotContain(resource(stored.id(2)), resource(stored.id(3)), resource(stored.id(10)));
        assertThat(audit.reasons(before, "READ", "Claim")).containsExactly("policy.deny.sourceFacilityOnly");
        assertAlike(claim, stored.id(2), read(system, "Claim/" + UUID.randomUUID()));
        assertAlike(read(system, "ExplanationOfBenefit/" + stored.id(3)), stored.id(3),
                read(system, "ExplanationOfBenefit/" + UUID.randomUUID()));
        assertAlike(read(clerk, "Claim/" + stored.id(2)), stored.id(2), read(clerk, "Claim/" + UUID.randomUUID()));
        assertThat(read(system, "ExplanationOfBenefit?patient=Patient/" + stored.person()).body()).contains("\"total\":0");
    }

    @Test
    void directoryResourcesAreReadByEveryCallerAPatientsDeviceOnlyUnderThePolicy() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        Stored stored = store(hospital);
        Caller stranger = system(clinic);

        HttpResponse<String> location = read(stranger, stored.location());
        HttpResponse<String> medication = read(stranger, stored.ids().get(6));

        assertThat(location.statusCode()).as("a hospital's ward, like its organization and doctors, is the network's")
                .isEqualTo(200);
        assertThat(location.body()).contains("内科外来");
        assertThat(medication.statusCode()).isEqualTo(200);
        assertThat(read(stranger, "Location/" + UUID.randomUUID()).statusCode()).as("a guessed id").isEqualTo(404);
        assertAlike(read(stranger, "Device/" + stored.id(5)), stored.id(5), read(stranger, "Device/" + UUID.randomUUID()));
        assertAlike(read(stranger, "SupplyDelivery/" + stored.id(7)), stored.id(7),
                read(stranger, "SupplyDelivery/" + UUID.randomUUID()));
        assertAlike(read(stranger, "Provenance/" + stored.id(10)), stored.id(10),
                read(stranger, "Provenance/" + UUID.randomUUID()));
    }

    /** Hospital A's directory and one patient's Synthea-shaped record, written by A's system. */
    private Stored store(Facility hospital) {
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        SyntheaLikeRecords.Directory keys = SyntheaLikeRecords.Directory.fresh();
        Bundle directory = fhir.transaction().withBundle(SyntheaLikeRecords.directory(keys)).execute();
        String localId = FhirRecords.localId();
        Bundle record = fhir.transaction().withBundle(SyntheaLikeRecords.record(hospital, localId, keys)).execute();
        return new Stored(clients.personOf(hospital, localId), EveryResourceTypeIT.locations(record),
                EveryResourceTypeIT.locations(directory).get(1));
    }

    private Caller system(Facility facility) {
        ApiClientAdministration.NewApiClient client = clients.register(facility, "system/*.read");
        FhirHttp http = new FhirHttp(port, clients.token(port, client));
        return new Caller(facility.code().value() + " system", client.client().userId(),
                path -> http.send(FhirHttp.request(port, "GET", path, FHIR_JSON, FHIR_JSON, null, Map.of())));
    }

    private Caller user(Facility facility, Profession profession) {
        User user = accounts.memberOf(facility, profession);
        WebSession web = accounts.signedIn(port, user);
        return new Caller(profession.name(), user.id(),
                path -> web.send(FhirHttp.request(port, "GET", path, FHIR_JSON, FHIR_JSON, null, Map.of())));
    }

    /** How a body holds the resource of this id (not a mere reference to it). */
    private static String resource(String id) {
        return "\"id\":\"" + id + "\"";
    }

    /** One GET by the caller, which leaves exactly one audit row of the caller. */
    private HttpResponse<String> read(Caller caller, String path) {
        long before = audit.max();
        HttpResponse<String> response = caller.get().apply(path);
        assertThat(audit.countByUser(before, caller.userId())).as(caller.name() + " GET " + path + ": audit rows")
                .isEqualTo(1);
        return response;
    }

    /** The answer about what the caller may not see ({@code key}) is that about an id nothing has: status and body. */
    private static void assertAlike(HttpResponse<String> refused, String key, HttpResponse<String> absent) {
        assertThat(refused.statusCode()).as(refused.uri() + ": " + refused.body()).isEqualTo(404);
        assertThat(absent.statusCode()).isEqualTo(404);
        String absentKey = absent.uri().getPath().substring(absent.uri().getPath().lastIndexOf('/') + 1);
        assertThat(refused.body().replace(key, "{asked}")).isEqualTo(absent.body().replace(absentKey, "{asked}"));
    }
}
