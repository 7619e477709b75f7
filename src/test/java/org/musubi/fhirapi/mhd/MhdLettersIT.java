package org.musubi.fhirapi.mhd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.musubi.audit.Audit;
import org.musubi.security.ApiScope;
import org.musubi.fhirapi.access.Caller;
import org.musubi.letters.exchange.SendLetterDocument;
import org.musubi.security.SignedIn;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.security.ApiClientAdministration;
import org.musubi.signature.SigningDevice;
import org.musubi.signature.cms.CmsSigning;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestCertificates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * IHE MHD round trip with real HAPI clients: the clinic's EHR sends a referral to the hospital (ITI-65); the
 * hospital's system finds it by polling {@code _lastUpdated} (ITI-67, ITI-66) and retrieves it (ITI-68) before the
 * patient was ever linked at the hospital, yet reads nothing else of the patient's record; a third facility gets the
 * one 404 of an absent id; every interaction leaves exactly one audit row; a submission that is wrong is refused
 * naming the entry and element, and nothing of it is sent.
 */
@MusubiIntegrationTest
class MhdLettersIT extends NetworkFixtures {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final DateClientParam LAST_UPDATED = new DateClientParam("_lastUpdated");
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SendLetterDocument sendLetterDocument;
    @Autowired
    Recipients recipients;
    @Autowired
    Audit auditTrail;

    private Facility clinic;
    private Facility hospital;
    private IGenericClient clinicFhir;
    private String patientId;
    private long personId;
    private String localId;

    @BeforeEach
    void aClinicPatientWithADiagnosis() {
        clinic = accounts.facilityOf(FacilityKind.CLINIC);
        hospital = accounts.newHospital();
        clinicFhir = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        localId = FhirRecords.localId();
        Patient patient = FhirRecords.withKanjiName(FhirRecords.newPatient(clinic, localId, "ムスビ"), "結", "花子");
        patientId = FhirRecords.create(clinicFhir, patient);
        personId = clients.linkedPersonOf(clinic, localId);
        Condition condition = new Condition().setSubject(new Reference("Patient/" + patientId));
        condition.getCode().setText("秘密の診断 MHD-" + localId);
        condition.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("active");
        FhirRecords.create(clinicFhir, condition);
    }

    @Test
    void theHospitalFindsAndRetrievesTheClinicsReferralBeforeAnyLinkButNothingElseOfTheRecord() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        byte[] document = MhdSubmissions.referral(clients.context(), clinic, hospital, localId, "MHD-" + localId);

        Bundle sent = clinicFhir.transaction().withBundle(MhdSubmissions.provide("Patient/" + patientId,
                hospital.code().value(), document, FHIR_JSON)).execute();

        UUID letter = MhdSubmissions.sentLetter(sent);
        assertThat(sent.getEntry().getFirst().getResponse().getLocation()).isEqualTo("List/letter-" + letter);
        assertThat(sent.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));

        ApiClientAdministration.NewApiClient hospitalClient = clients.register(hospital, "system/*.read");
        IGenericClient hospitalFhir = clients.fhir(port, clients.token(port, hospitalClient));
        long userId = hospitalClient.client().userId();

        long seq = audit.max();
        Bundle found = hospitalFhir.search().forResource(DocumentReference.class)
                .where(LAST_UPDATED.afterOrEquals().millis(Date.from(before)))
                .returnBundle(Bundle.class).execute();
        assertThat(audit.countByUser(seq, userId)).as("ITI-67: one audit row").isEqualTo(1);
        DocumentReference reference = only(found, DocumentReference.class, "letter-" + letter);
        assertThat(reference.getStatus().toCode()).isEqualTo("current");
        assertThat(reference.getType().getCoding()).anySatisfy(c -> assertThat(c.getCode()).isEqualTo("57133-1"));
        assertThat(reference.getSubject().getDisplay()).isNotBlank();
        assertThat(reference.getContentFirstRep().getAttachment().getUrl()).isEqualTo("Binary/letter-" + letter);
        String json = clients.context().newJsonParser().encodeResourceToString(found);
        assertThat(json).as("the addressee is told no id of the person").doesNotContain(String.valueOf(personId))
                .doesNotContain(patientId);
        assertThat(status(reference)).isEqualTo("requested");

        seq = audit.max();
        DocumentReference read = hospitalFhir.read().resource(DocumentReference.class).withId("letter-" + letter).execute();
        assertThat(audit.countByUser(seq, userId)).as("read by id: one audit row").isEqualTo(1);
        assertThat(status(read)).as("reading the reference is not opening the letter").isEqualTo("requested");

        seq = audit.max();
        Bundle lists = hospitalFhir.search().forResource(ListResource.class)
                .where(ListResource.CODE.exactly().systemAndCode(MhdSubmissions.LIST_TYPES, "submissionset"))
                .returnBundle(Bundle.class).execute();
        assertThat(audit.countByUser(seq, userId)).as("ITI-66: one audit row").isEqualTo(1);
        ListResource submissionSet = only(lists, ListResource.class, "letter-" + letter);
        assertThat(submissionSet.getEntryFirstRep().getItem().getReference()).isEqualTo("DocumentReference/letter-" + letter);

        seq = audit.max();
        Bundle retrieved = hospitalFhir.fetchResourceFromUrl(Bundle.class, "Binary/letter-" + letter);
        assertThat(audit.countByUser(seq, userId)).as("ITI-68: one audit row").isEqualTo(1);
        assertThat(retrieved.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        HttpResponse<byte[]> raw = get(clients.token(port, hospitalClient), "/fhir/Binary/letter-" + letter);
        assertThat(raw.body()).as("ITI-68: the document exactly as sent (its signature covers these bytes)").isEqualTo(document);

        Instant seen = reference.getMeta().getLastUpdated().toInstant();
        Bundle polled = hospitalFhir.search().forResource(DocumentReference.class)
                .where(LAST_UPDATED.after().millis(Date.from(seen)))
                .returnBundle(Bundle.class).execute();
        assertThat(status(only(polled, DocumentReference.class, "letter-" + letter)))
                .as("polling: opened by the addressee, the letter changed").isEqualTo("received");

        seq = audit.max();
        assertThatThrownBy(() -> hospitalFhir.operation().onInstance("Patient/" + personId).named("$everything")
                .withNoParameters(Parameters.class).useHttpGet().execute()).isInstanceOf(ResourceNotFoundException.class);
        Bundle conditions = hospitalFhir.search().forResource(Condition.class)
                .where(Condition.PATIENT.hasId("Patient/" + personId)).returnBundle(Bundle.class).execute();
        assertThat(conditions.getEntry()).as("nothing else of the record before a link").isEmpty();
        assertThat(audit.countByUser(seq, userId)).as("one audit row each").isEqualTo(2);

        Facility third = accounts.newHospital();
        ApiClientAdministration.NewApiClient thirdClient = clients.register(third, "system/*.read");
        String thirdToken = clients.token(port, thirdClient);
        String absent = UUID.randomUUID().toString();
        for (String path : List.of("Binary/letter-%s", "Binary/letter-%s-signature", "Binary/letter-%s-pdf",
                "DocumentReference/letter-%s", "List/letter-%s")) {
            seq = audit.max();
            HttpResponse<byte[]> asked = get(thirdToken, "/fhir/" + path.formatted(letter));
            HttpResponse<byte[]> nothing = get(thirdToken, "/fhir/" + path.formatted(absent));
            assertThat(asked.statusCode()).isEqualTo(404);
            assertThat(text(asked).replace(letter.toString(), "{id}")).as("the one 404 of an absent id")
                    .isEqualTo(text(nothing).replace(absent, "{id}"));
            assertThat(audit.countByUser(seq, thirdClient.client().userId())).as("one audit row each").isEqualTo(2);
        }
        Bundle thirdFinds = clients.fhir(port, thirdToken).search().forResource(DocumentReference.class)
                .returnBundle(Bundle.class).execute();
        assertThat(thirdFinds.getEntry()).as("a facility neither addressed nor sender finds nothing").isEmpty();

        Bundle clinicSees = clinicFhir.search().forResource(DocumentReference.class)
                .where(LAST_UPDATED.afterOrEquals().millis(Date.from(before)))
                .returnBundle(Bundle.class).execute();
        assertThat(status(only(clinicSees, DocumentReference.class, "letter-" + letter))).as("the sender sees the status")
                .isEqualTo("received");
    }

    @Test
    void aSignatureSentWithTheDocumentComesBackByteForByteBesideIt() throws Exception {
        byte[] document = MhdSubmissions.referral(clients.context(), clinic, hospital, localId, "署名");
        TestCertificates.Issued authority = TestCertificates.authority("MHD test CA");
        TestCertificates.Issued signer = TestCertificates.user(authority, "結 太郎");
        byte[] cms = CmsSigning.sign(device(signer, authority), document, Optional.of(Instant.now()));

        UUID letter = MhdSubmissions.sentLetter(clinicFhir.transaction().withBundle(MhdSubmissions.withSignature(
                MhdSubmissions.provide("Patient/" + patientId, hospital.code().value(), document, FHIR_JSON), cms)).execute());

        String token = clients.token(port, clients.register(hospital, "system/*.read"));
        HttpResponse<byte[]> signature = get(token, "/fhir/Binary/letter-" + letter + "-signature");
        assertThat(signature.statusCode()).isEqualTo(200);
        assertThat(signature.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/pkcs7-signature"));
        assertThat(signature.body()).as("the signature as the sender made it").isEqualTo(cms);
        assertThat(get(token, "/fhir/Binary/letter-" + letter).body()).as("over exactly these bytes").isEqualTo(document);
    }

    /**
     * No outside call inside a database transaction (issue 68): each document of a submission is checked (its
     * signature verified) and its file kept before the one transaction that stores them all opens; only the storing
     * runs in it.
     */
    @Test
    void aSubmissionsDocumentIsCheckedAndKeptBeforeItsTransactionOpens() throws Exception {
        byte[] document = MhdSubmissions.referral(clients.context(), clinic, hospital, localId, "取引の外で");
        List<String> calls = new CopyOnWriteArrayList<>();
        SendLetterDocument exchange = Mockito.spy(sendLetterDocument);
        Mockito.doAnswer(call -> {
            calls.add("check in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            return call.callRealMethod();
        }).when(exchange).check(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any(), Mockito.anyLong(),
                Mockito.any());
        Mockito.doAnswer(call -> {
            calls.add("store in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            return call.callRealMethod();
        }).when(exchange).store(Mockito.any());
        long system = clients.register(clinic, "system/*.write").client().userId();
        Caller caller = new Caller(new SignedIn(system, "mhd-system", "試験", clinic.id(), "FACILITY_SYSTEM", false,
                Set.of()), Set.of(ApiScope.parse("system/*.write")), true);

        Bundle sent = new Submissions(exchange, recipients, auditTrail, clients.context()).provide(caller,
                MhdSubmissions.provide("Patient/" + patientId, hospital.code().value(), document, FHIR_JSON));

        assertThat(calls).containsExactly("check in a transaction: false", "store in a transaction: true");
        assertThat(sent.getEntry()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        String token = clients.token(port, clients.register(hospital, "system/*.read"));
        assertThat(get(token, "/fhir/Binary/letter-" + MhdSubmissions.sentLetter(sent)).body())
                .as("the document as sent").isEqualTo(document);
    }

    @Test
    void theCapabilityStatementDeclaresMhdsRecipientAndResponderAndTheLettersSearches() {
        CapabilityStatement statement = clients.fhir(port, null).capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(statement.getInstantiates()).extracting(i -> i.getValue()).contains(
                "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentRecipient",
                "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentResponder");
        CapabilityStatement.CapabilityStatementRestResourceComponent documents = statement.getRestFirstRep().getResource()
                .stream().filter(r -> r.getType().equals("DocumentReference")).findFirst().orElseThrow();
        assertThat(documents.getSearchParam()).extracting(p -> p.getName()).contains("type", "_lastUpdated", "status", "patient");
        assertThat(documents.getDocumentation()).contains("ITI-67");
        assertThat(statement.getRestFirstRep().getInteraction()).anySatisfy(i -> assertThat(i.getDocumentation())
                .contains("ITI-65"));
    }

    /** A software signer holding the test certificate's key (EC P-256). */
    private static SigningDevice device(TestCertificates.Issued signer, TestCertificates.Issued authority) {
        return new SigningDevice() {
            @Override
            public List<X509Certificate> chain() {
                return List.of(signer.certificate(), authority.certificate());
            }

            @Override
            public String algorithm() {
                return "SHA256withECDSA";
            }

            @Override
            public byte[] signDigest(byte[] sha256) {
                try {
                    Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                    ecdsa.initSign(signer.keys().getPrivate());
                    ecdsa.update(sha256);
                    return ecdsa.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Test
    void aWrongSubmissionIsRefusedNamingTheEntryAndElementAndNothingIsSent() throws Exception {
        byte[] document = MhdSubmissions.referral(clients.context(), clinic, hospital, localId, "wrong");
        assertRefused(MhdSubmissions.provide("Patient/" + patientId, "3499999999", document, FHIR_JSON),
                "Bundle.entry[0] (List", "ihe-intendedRecipient");
        assertRefused(MhdSubmissions.provide("Patient/" + patientId, hospital.code().value(),
                "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8), FHIR_JSON),
                "Bundle.entry[1] (DocumentReference", "DocumentReference.content[0].attachment");
        assertRefused(MhdSubmissions.provide("Patient/" + patientId, hospital.code().value(), document, "application/pdf"),
                "Bundle.entry[1] (DocumentReference", "contentType");
        assertRefused(MhdSubmissions.provide("Patient/" + UUID.randomUUID(), hospital.code().value(), document, FHIR_JSON),
                "Bundle.entry[1] (DocumentReference", "DocumentReference.subject");
        TestCertificates.Issued authority = TestCertificates.authority("MHD test CA");
        TestCertificates.Issued signer = TestCertificates.user(authority, "結 太郎");
        byte[] another = MhdSubmissions.referral(clients.context(), clinic, hospital, localId, "別の文書");
        byte[] notItsSignature = CmsSigning.sign(device(signer, authority), another, Optional.of(Instant.now()));
        assertRefused(MhdSubmissions.withSignature(MhdSubmissions.provide("Patient/" + patientId, hospital.code().value(),
                document, FHIR_JSON), notItsSignature), "Bundle.entry[1] (DocumentReference", "DocumentReference.content");

        IGenericClient hospitalFhir = clients.fhirFor(port, hospital, "system/*.read");
        assertThat(hospitalFhir.search().forResource(DocumentReference.class).returnBundle(Bundle.class).execute().getEntry())
                .as("nothing was sent").isEmpty();
    }

    private void assertRefused(Bundle submission, String entry, String element) {
        assertThatThrownBy(() -> clinicFhir.transaction().withBundle(submission).execute())
                .isInstanceOf(UnprocessableEntityException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(entry).contains(element).contains(" / "));
    }

    private static <T extends org.hl7.fhir.r4.model.Resource> T only(Bundle bundle, Class<T> type, String id) {
        List<T> matches = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).filter(r -> r.getIdElement().getIdPart().equals(id)).toList();
        assertThat(matches).as(id + " in the search").hasSize(1);
        return matches.getFirst();
    }

    private static String status(DocumentReference reference) {
        return ((CodeType) reference.getExtensionByUrl("urn:musubi:fhir:letter-status").getValue()).getValue();
    }

    private HttpResponse<byte[]> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
