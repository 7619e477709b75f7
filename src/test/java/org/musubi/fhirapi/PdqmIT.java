package org.musubi.fhirapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PDQm (ITI-78 search, ITI-119 $match): a facility system finds only the persons the policy opens
 * for it; namesakes it may not see are left out, and every person considered is audited once.
 */
@MusubiIntegrationTest
class PdqmIT extends NetworkFixtures {

    @Autowired
    IdentityStore identities;

    @Test
    void aSearchByNameAndBirthDateReturnsOnlyTheLinkedNamesake() {
        LocalDate born = LocalDate.of(1960, 1, 1).plusDays(TestRegionalIds.next().hashCode() & 0x3fff);
        RegisteredPerson linked = person("検索", "一郎", "ケンサク", "イチロウ", born);
        RegisteredPerson namesake = person("検索", "一郎", "ケンサク", "イチロウ", born);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(linked, clinic);
        IGenericClient fhir = clients.fhirFor(port, clinic, "system/Patient.read");
        long before = audit.max();

        Bundle found = fhir.search().forResource(Patient.class)
                .where(Patient.FAMILY.matches().value("ｹﾝｻｸ"))
                .and(Patient.BIRTHDATE.exactly().day(born.toString()))
                .returnBundle(Bundle.class).execute();

        assertThat(found.getEntry()).hasSize(1);
        Patient patient = (Patient) found.getEntryFirstRep().getResource();
        assertThat(patient.getIdPart()).isEqualTo(String.valueOf(linked.id()));
        assertThat(patient.getMeta().getProfile().getFirst().getValue())
                .isEqualTo("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient");
        assertThat(patient.getName()).extracting(HumanName::getText).containsExactly("検索 一郎", "ケンサク イチロウ");
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(linked.person().regionalId());
        assertThat(audit.forPatient(before, linked.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
        assertThat(audit.forPatient(before, namesake.person().regionalId())).containsExactly("READ DENY policy.deny.noConsent");
    }

    @Test
    void otherSearchParametersNarrowBeforeAnyoneIsOpened() {
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(TestRegionalIds.next().hashCode() & 0x3fff);
        RegisteredPerson person = person("絞込", "次郎", "シボリコミ", "ジロウ", born);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(person, clinic);
        IGenericClient fhir = clients.fhirFor(port, clinic, "system/Patient.read");
        long before = audit.max();

        Bundle female = fhir.search().forResource(Patient.class).where(Patient.FAMILY.matches().value("絞込"))
                .and(Patient.BIRTHDATE.exactly().day(born.toString())).and(Patient.GENDER.exactly().code("female"))
                .returnBundle(Bundle.class).execute();
        Bundle byPhone = fhir.search().forResource(Patient.class).where(Patient.GIVEN.matches().value("じろう"))
                .and(Patient.BIRTHDATE.exactly().day(born.toString())).and(Patient.TELECOM.exactly().code("0821234567"))
                .returnBundle(Bundle.class).execute();

        assertThat(female.getEntry()).isEmpty();
        assertThat(byPhone.getEntry()).hasSize(1);
        assertThat(audit.forPatient(before, person.person().regionalId()))
                .containsExactly("READ PERMIT policy.permit.treatmentConsentAndLink");
    }

    @Test
    void aSearchWithoutIdentifierOrNameAndBirthDateIsRefused() {
        IGenericClient fhir = clients.fhirFor(port, accounts.facilityOf(FacilityKind.CLINIC), "system/Patient.read");

        assertThatThrownBy(() -> fhir.search().forResource(Patient.class).where(Patient.FAMILY.matches().value("ヤマダ"))
                .returnBundle(Bundle.class).execute())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("birthdate");
        assertThatThrownBy(() -> fhir.search().forResource(Patient.class).where(Patient.FAMILY.matches().value("ヤマダ"))
                .and(Patient.BIRTHDATE.after().day("1950-01-01")).returnBundle(Bundle.class).execute())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void readOpensOnlyAPermittedPerson() {
        RegisteredPerson person = person("読取", "三郎", "ヨミトリ", "サブロウ", LocalDate.of(1944, 4, 4));
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        IGenericClient fhir = clients.fhirFor(port, clinic, "system/Patient.read");

        assertThatThrownBy(() -> fhir.read().resource(Patient.class).withId(String.valueOf(person.id())).execute())
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("is not known")
                .hasMessageNotContaining("同意").hasMessageNotContaining("consent");
        consentAndLink(person, clinic);
        Patient read = fhir.read().resource(Patient.class).withId(String.valueOf(person.id())).execute();
        assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1944-04-04");
        assertThat(read.getGender()).isEqualTo(AdministrativeGender.MALE);
    }

    @Test
    void matchScoresTheLinkedPersonAsCertainAndLeavesOutOthers() {
        LocalDate born = LocalDate.of(1955, 1, 1).plusDays(TestRegionalIds.next().hashCode() & 0x3fff);
        RegisteredPerson person = person("照合", "四郎", "ショウゴウ", "シロウ", born);
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(person, clinic);
        IGenericClient fhir = clients.fhirFor(port, clinic, "system/Patient.read");
        Patient query = new Patient();
        query.addName().setFamily("ショウゴウ").addGiven("シロウ")
                .addExtension("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new CodeType("SYL"));
        query.setGender(AdministrativeGender.MALE).setBirthDateElement(new DateType(born.toString()));
        query.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("082-123-4567");
        query.addAddress().setPostalCode("730-0011");
        Parameters in = new Parameters();
        in.addParameter().setName("resource").setResource(query);
        in.addParameter().setName("onlyCertainMatches").setValue(new BooleanType(true));

        Bundle matches = fhir.operation().onType(Patient.class).named("$match").withParameters(in)
                .returnResourceType(Bundle.class).execute();

        assertThat(matches.getEntry()).hasSize(1);
        Bundle.BundleEntryComponent entry = matches.getEntryFirstRep();
        assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo(String.valueOf(person.id()));
        assertThat(entry.getSearch().getScore().doubleValue()).isGreaterThan(0.99).isLessThan(1.0);
        assertThat(entry.getSearch().getExtensionString("http://hl7.org/fhir/StructureDefinition/match-grade"))
                .isEqualTo("certain");
    }

    @Test
    void aSameNameRelativeIsAProbableMatchNeverACertainOne() {
        LocalDate fatherBorn = LocalDate.of(1930, 1, 1).plusDays(TestRegionalIds.next().hashCode() & 0x1fff);
        String given = FhirRecords.uniqueKana();
        RegisteredPerson father = identities.register(new Person(TestRegionalIds.next(), "親子", "同名", "オヤコ", given,
                Sex.MALE, fatherBorn, "730-0011", "広島市中区基町3-3", "082-765-4321"));
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        consentAndLink(father, clinic);
        IGenericClient fhir = clients.fhirFor(port, clinic, "system/Patient.read");
        Patient son = new Patient();
        son.addName().setFamily("オヤコ").addGiven(given)
                .addExtension("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new CodeType("SYL"));
        son.setGender(AdministrativeGender.MALE)
                .setBirthDateElement(new DateType(fatherBorn.plusYears(28).plusDays(40).toString()));
        son.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("082-765-4321");
        son.addAddress().setPostalCode("730-0011").setText("広島市中区基町3-3");

        Bundle all = match(fhir, son, false);
        Bundle certainOnly = match(fhir, son, true);

        assertThat(all.getEntry()).hasSize(1);
        assertThat(all.getEntryFirstRep().getSearch().getExtensionString(
                "http://hl7.org/fhir/StructureDefinition/match-grade")).isEqualTo("probable");
        assertThat(all.getEntryFirstRep().getSearch().getScore().doubleValue()).isBetween(0.5, 0.99);
        assertThat(certainOnly.getEntry()).isEmpty();
    }

    private static Bundle match(IGenericClient fhir, Patient query, boolean onlyCertain) {
        Parameters in = new Parameters();
        in.addParameter().setName("resource").setResource(query);
        in.addParameter().setName("onlyCertainMatches").setValue(new BooleanType(onlyCertain));
        return fhir.operation().onType(Patient.class).named("$match").withParameters(in)
                .returnResourceType(Bundle.class).execute();
    }

    RegisteredPerson person(String familyKanji, String givenKanji, String familyKana, String givenKana, LocalDate born) {
        return identities.register(new Person(TestRegionalIds.next(), familyKanji, givenKanji, familyKana, givenKana,
                Sex.MALE, born, "730-0011", "広島市中区基町3-3", "082-123-4567"));
    }

    void consentAndLink(RegisteredPerson person, Facility facility) {
        long admin = accounts.networkAdmin().id();
        consents.grant(person.id(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, facility.id());
        consents.link(person.id(), facility.id(), admin);
    }
}
