package org.musubi.testing;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.registry.Facility;

/**
 * Containers as a hospital sends them (JP-CLINS-like collection Bundles, DocumentReferences carrying a FHIR
 * document or pointing at one), for the tests of containers carrying their contents' categories.
 */
public final class Containers {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Containers() {
    }

    /**
     * A collection Bundle of the facility's patient (who must have the facility's patient ID {@code localId}) and
     * {@code entries}, in that order, with a unique identifier; the entries refer to the patient by its fullUrl.
     * With {@code sectionTitle}, a Composition comes first whose one section refers to every entry.
     */
    public static Bundle collection(Facility facility, Patient patient, String sectionTitle, Resource... entries) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.getIdentifier().setSystem("urn:musubi:test:bundle").setValue(UUID.randomUUID().toString());
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        Composition composition = sectionTitle == null ? null : composition(patientUrl, sectionTitle);
        if (composition != null) {
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(composition);
        }
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient.copy());
        for (Resource entry : entries) {
            String url = "urn:uuid:" + UUID.randomUUID();
            Resource copy = entry.copy();
            for (String path : new String[] {"subject", "patient"}) {
                if (FHIR.getResourceDefinition(copy).getChildByName(path) != null) {
                    FHIR.newTerser().getValues(copy, path, Reference.class).forEach(r -> r.setReference(patientUrl));
                }
            }
            bundle.addEntry().setFullUrl(url).setResource(copy);
            if (composition != null) {
                composition.getSectionFirstRep().addEntry(new Reference(url));
            }
        }
        return bundle;
    }

    private static Composition composition(String patientUrl, String sectionTitle) {
        Composition composition = new Composition().setStatus(Composition.CompositionStatus.FINAL)
                .setDateElement(new DateTimeType("2024-04-01T10:00:00+09:00")).setTitle("診療情報提供書");
        composition.getType().addCoding().setSystem("http://loinc.org").setCode("57133-1");
        composition.setSubject(new Reference(patientUrl));
        composition.addAuthor().setDisplay("結び病院 内科");
        Composition.SectionComponent section = composition.addSection().setTitle(sectionTitle);
        section.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + sectionTitle + "</div>");
        return composition;
    }

    /** A DocumentReference of the facility's patient carrying {@code document} inline as FHIR JSON. */
    public static DocumentReference carrying(Facility facility, String localId, Resource document, String title) {
        DocumentReference reference = reference(facility, localId);
        reference.addContent().getAttachment().setContentType("application/fhir+json").setTitle(title)
                .setData(json(document).getBytes(StandardCharsets.UTF_8));
        return reference;
    }

    /** A DocumentReference of the facility's patient whose content is at {@code url} (e.g. {@code Binary/<id>}). */
    public static DocumentReference pointingAt(Facility facility, String localId, String url, String title) {
        DocumentReference reference = reference(facility, localId);
        reference.addContent().getAttachment().setContentType("application/fhir+json").setTitle(title).setUrl(url);
        return reference;
    }

    private static DocumentReference reference(Facility facility, String localId) {
        DocumentReference reference = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        reference.getType().addCoding().setSystem("http://loinc.org").setCode("57133-1");
        reference.setSubject(new Reference("Patient?identifier=" + FhirRecords.patientSystem(facility) + "|" + localId));
        reference.setDateElement(new InstantType("2024-04-02T09:00:00+09:00"));
        return reference;
    }

    /** POSTs {@code content} to /fhir/Binary as the facility's patient's file; returns the Binary's id. */
    public static String uploadBinary(int port, String token, Facility facility, String localId, String contentType,
                                      byte[] content) {
        HttpResponse<String> response = upload(port, token, facility, localId, contentType, content);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Binary not stored: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.split("/")[1];
    }

    /** The answer to a POST of {@code content} to /fhir/Binary. */
    public static HttpResponse<String> upload(int port, String token, Facility facility, String localId,
                                              String contentType, byte[] content) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Binary"))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .header("X-Security-Context", "Patient?identifier=" + FhirRecords.patientSystem(facility) + "|" + localId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return send(request);
    }

    /** A signed-in browser user's GET of /fhir with their session. */
    public static HttpResponse<String> fhirGet(WebSession web, String path) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/fhir/" + path)).GET()
                .header("Accept", "application/fhir+json"));
    }

    /** A facility system's GET of /fhir with its bearer token. */
    public static HttpResponse<String> fhirGet(int port, String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json").GET().build();
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}
