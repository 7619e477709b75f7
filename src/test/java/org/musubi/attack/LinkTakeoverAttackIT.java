package org.musubi.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.cards.IssueCard;
import org.musubi.identity.cards.IssuedCard;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding 3 (link takeover without the card): a clinic's system registers a Patient copying a person's name,
 * kana, birth date, sex and phone (what a referral letter carries); matching links it to the person. Before the
 * fix PIXm and {@code Patient/<id>} then handed out the regional ID, which was the card number, and a doctor of the
 * clinic linked with it and the kana name and birth date and read the whole record. Now the match links data only:
 * the clinic learns nothing it did not send, no card number anywhere, and linking needs the card's check code.
 */
@MusubiIntegrationTest
class LinkTakeoverAttackIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;
    @Autowired
    IssueCard issueCard;

    @Test
    void aLookAlikeRegistrationLinksDataButGrantsAndTellsNothingAndCannotBecomeALink() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient hospitalApi = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        String hospitalLocal = FhirRecords.localId();
        Patient real = FhirRecords.withKanjiName(FhirRecords.newPatient(hospital, hospitalLocal, "ノットリ"), "乗取", "花子");
        real.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("082-555-0123");
        hospitalApi.create().resource(real).execute();
        long personId = clients.personOf(hospital, hospitalLocal);
        FhirRecords.create(hospitalApi, FhirRecords.lab(hospital, hospitalLocal, FhirRecords.HBA1C, "2025-02-01", 9.87));
        consents.grant(personId, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT, Purpose.EMERGENCY),
                accounts.networkAdmin().id(), hospital.id());
        IssuedCard card = issueCard.regional(0, personId);
        Person person = identities.person(personId).orElseThrow().person();

        // the clinic's system copies the demographics a referral letter carries
        IGenericClient clinicApi = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String clinicLocal = FhirRecords.localId();
        Patient copy = real.copy();
        copy.getIdentifier().clear();
        copy.addIdentifier().setSystem(FhirRecords.patientSystem(clinic)).setValue(clinicLocal);
        clinicApi.create().resource(copy).execute();
        long matched = clients.personOf(clinic, clinicLocal);
        RawApi raw = new RawApi(port, clients.token(port, clients.register(clinic, "system/*.read")));

        HttpResponse<String> pix = raw.get("Patient/$ihe-pix?sourceIdentifier=" + FhirRecords.patientSystem(clinic)
                + "%7C" + clinicLocal);
        HttpResponse<String> read = raw.get("Patient/" + matched);
        HttpResponse<String> everything = raw.get("Patient/" + matched + "/$everything");
        HttpResponse<String> labs = raw.get("Observation?patient=Patient/" + matched);

        assertThat(matched).as("identity links the data").isEqualTo(personId);
        for (HttpResponse<String> answer : List.of(pix, read, everything, labs)) {
            assertThat(answer.body()).as(answer.request().uri().toString()).doesNotContain(card.card().number())
                    .doesNotContain(hospitalLocal).doesNotContain("9.87");
        }
        assertThat(labs.body()).contains("\"total\":0");

        WebSession doctor = accounts.signedIn(port, accounts.memberOf(clinic, Profession.DOCTOR));
        doctor.get("/portal/link");
        String kana = person.familyKana() + person.givenKana();
        for (String guess : List.of(person.regionalId(), card.card().number())) {
            HttpResponse<String> link = doctor.post("/portal/link", "card", guess, "kanaName", kana,
                    "birthDate", person.birthDate().toString());
            assertThat(link.body()).as(guess).contains("いずれかが一致しません");
        }
        assertThat(consents.links(personId)).isEmpty();
        assertThat(doctor.get("/portal/patients/" + personId).body()).as("only what the clinic sent itself")
                .doesNotContain("9.87").doesNotContain(hospitalLocal);
    }
}
