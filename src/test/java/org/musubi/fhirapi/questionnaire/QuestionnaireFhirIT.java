package org.musubi.fhirapi.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.gclient.UriClientParam;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.registry.Administrator;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pathway templates' stage forms as read-only Questionnaire resources, through HAPI's own client: read by id,
 * searched by url, version, status and name by any system client whatever its scopes; a draft is never served;
 * every write is refused with 405 and an OperationOutcome, and changes nothing.
 */
@MusubiIntegrationTest
class QuestionnaireFhirIT extends NetworkFixtures {

    private static final String JSON = "application/fhir+json";

    @Autowired
    TemplateStore store;

    @Test
    void anySystemClientReadsAndSearchesTheStageFormsOfPublishedVersions() {
        IGenericClient fhir = clients.fhirFor(port, accounts.facilityOf(FacilityKind.CLINIC), "system/Patient.read");

        Questionnaire acute = fhir.read().resource(Questionnaire.class).withId("stroke.acute.1").execute();
        assertThat(acute.getUrl()).isEqualTo("urn:musubi:pathway:stroke/acute");
        assertThat(acute.getVersion()).isEqualTo("1");
        assertThat(acute.getName()).isEqualTo("StrokeAcute");
        assertThat(acute.getItem()).extracting(i -> i.getLinkId()).contains("mrs-before", "nihss");

        Bundle byUrl = fhir.search().forResource(Questionnaire.class)
                .where(new UriClientParam("url").matches().value("urn:musubi:pathway:gastric-cancer/month-1"))
                .returnBundle(Bundle.class).execute();
        assertThat(byUrl.getEntry()).isNotEmpty().allSatisfy(e -> assertThat(((Questionnaire) e.getResource()).getUrl())
                .isEqualTo("urn:musubi:pathway:gastric-cancer/month-1"));
        Bundle byVersion = fhir.search().forResource(Questionnaire.class)
                .where(new UriClientParam("url").matches().value("urn:musubi:pathway:stroke/acute"))
                .and(new TokenClientParam("version").exactly().code("1")).returnBundle(Bundle.class).execute();
        assertThat(byVersion.getEntry()).singleElement().extracting(e -> e.getResource().getIdElement().getIdPart())
                .isEqualTo("stroke.acute.1");
        Bundle byName = fhir.search().forResource(Questionnaire.class)
                .where(new StringClientParam("name").matches().value("dementia"))
                .and(new TokenClientParam("status").exactly().code("active")).returnBundle(Bundle.class).execute();
        assertThat(byName.getEntry()).extracting(e -> ((Questionnaire) e.getResource()).getName())
                .isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("Dementia"));
        assertThat(byName.getEntry()).allSatisfy(e -> assertThat(((Questionnaire) e.getResource()).getStatus())
                .isEqualTo(PublicationStatus.ACTIVE));
    }

    @Test
    void aDraftIsNotServedAndAnUnknownFormIsNotFound() {
        IGenericClient fhir = clients.fhirFor(port, accounts.facilityOf(FacilityKind.HOSPITAL), "system/*.read");
        String code = "draft-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Administrator admin = Administrator.of(accounts.networkAdmin());
        store.create(admin, code, "下書き", "Draft");
        store.edit(admin, code, 1, "stage", e -> e.addStage("first", "初回", "First", List.of("CLINIC"), 0)
                .addItem("first", "", "done", "boolean", "実施"));

        assertThatThrownBy(() -> fhir.read().resource(Questionnaire.class).withId(code + ".first.1").execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(fhir.search().forResource(Questionnaire.class)
                .where(new UriClientParam("url").matches().value("urn:musubi:pathway:" + code + "/first"))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();

        store.publish(admin, code, 1);
        assertThat(fhir.read().resource(Questionnaire.class).withId(code + ".first.1").execute().getStatus())
                .isEqualTo(PublicationStatus.ACTIVE);
        store.retire(admin, code, 1);
        assertThat(fhir.read().resource(Questionnaire.class).withId(code + ".first.1").execute().getStatus())
                .as("a retired version stays readable").isEqualTo(PublicationStatus.RETIRED);
    }

    @Test
    void everyWriteIsRefusedWith405AndAnOperationOutcomeAuditedOnce() {
        var registered = clients.register(accounts.facilityOf(FacilityKind.HOSPITAL), "system/*.read", "system/*.write");
        String token = clients.token(port, registered);
        IGenericClient fhir = clients.fhir(port, token);
        Questionnaire acute = fhir.read().resource(Questionnaire.class).withId("stroke.acute.1").execute();
        acute.setTitle("書き換え");

        assertThatThrownBy(() -> fhir.create().resource(new Questionnaire().setStatus(PublicationStatus.ACTIVE)).execute())
                .isInstanceOfSatisfying(MethodNotAllowedException.class, e -> assertThat(e.getOperationOutcome())
                        .isInstanceOf(OperationOutcome.class));
        assertThatThrownBy(() -> fhir.update().resource(acute).execute()).isInstanceOf(MethodNotAllowedException.class);
        assertThatThrownBy(() -> fhir.delete().resourceById(new IdType("Questionnaire", "stroke.acute.1")).execute())
                .isInstanceOf(MethodNotAllowedException.class);
        long before = audit.max();
        FhirHttp http = new FhirHttp(port, token);
        var patch = http.send("PATCH", "Questionnaire/stroke.acute.1", JSON, "application/json-patch+json",
                "[{\"op\": \"replace\", \"path\": \"/title\", \"value\": \"x\"}]");
        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.body()).contains("OperationOutcome", "Questionnaire");
        assertThat(audit.since(before, registered.client().clientId())).containsExactly("ACCESS_DENIED DENY Questionnaire is read-only: PATCH");

        assertThat(fhir.read().resource(Questionnaire.class).withId("stroke.acute.1").execute().getTitle())
                .isNotEqualTo("書き換え");
        assertThat(http.get("Questionnaire/stroke.acute.1", JSON).statusCode()).isEqualTo(200);
        assertThat(new FhirHttp(port, null).get("Questionnaire/stroke.acute.1", JSON).statusCode())
                .as("a token is needed").isEqualTo(401);
    }
}
