package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Browser users on /fhir through their session (reads only), and the audit trail as BALP-shaped
 * AuditEvents for network administrators only.
 */
@MusubiIntegrationTest
class AuditEventIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;

    @Test
    void aSignedInClinicianReadsThroughTheSessionAndTheNetworkAdminSeesItAsAnAuditEvent() {
        RegisteredPerson person = identities.register(new Person(TestRegionalIds.next(), "監査", "六郎", "カンサ", "ロクロウ",
                Sex.MALE, LocalDate.of(1952, 6, 6), "730-0011", "広島市中区", "082-666-6666"));
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        long admin = accounts.networkAdmin().id();
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, clinic.id());
        consents.link(person.id(), clinic.id(), admin);
        WebSession doctor = loggedIn(accounts.memberOf(clinic, Profession.DOCTOR));
        WebSession operator = loggedIn(accounts.networkAdmin());

        HttpResponse<String> read = fhir(doctor, "GET", "/fhir/Patient/" + person.id());
        HttpResponse<String> write = fhir(doctor, "POST", "/fhir/Observation");
        HttpResponse<String> events = fhir(operator, "GET", "/fhir/AuditEvent?patient=" + person.person().regionalId());
        HttpResponse<String> refused = fhir(doctor, "GET", "/fhir/AuditEvent?patient=" + person.person().regionalId());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(write.statusCode()).isIn(401, 403);
        assertThat(events.statusCode()).isEqualTo(200);
        Bundle bundle = clients.context().newJsonParser().parseResource(Bundle.class, events.body());
        AuditEvent event = bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource())
                .filter(e -> e.getAction() == AuditEvent.AuditEventAction.R).findFirst().orElseThrow();
        assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("read");
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("TREAT");
        assertThat(event.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo(person.person().regionalId());
        assertThat(event.getMeta().getProfile().getFirst().getValue()).endsWith("IHE.BasicAudit.PatientRead");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void systemsNeverReadTheAuditTrail() {
        var api = clients.fhirFor(port, accounts.facilityOf(FacilityKind.HOSPITAL), "system/*.read");

        Assertions.assertThatThrownBy(() -> api.search().forResource(AuditEvent.class)
                .returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
    }

    private HttpResponse<String> fhir(WebSession web, String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Accept", "application/fhir+json");
        request = method.equals("GET") ? request.GET() : request.header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Observation\",\"status\":\"final\"}"));
        return web.send(request);
    }

    private WebSession loggedIn(User user) {
        return accounts.signedIn(port, user);
    }
}
