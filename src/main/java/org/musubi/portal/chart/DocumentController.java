package org.musubi.portal.chart;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.musubi.blob.BlobStore;
import org.musubi.policy.Interaction;
import org.musubi.policy.DataCategory;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.read.PersonResource;
import org.musubi.security.SignedIn;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A document of the timeline, viewed in the page: each view reads the DocumentReference (or, for
 * its content, the Binary it points to) through the access policy, one audit row per request. A document of several
 * contents (an SS-MIX2 main document and its attachments) lists them all; {@code part} (0 the first) picks the one
 * shown and served.
 */
@Controller
class DocumentController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReadRecords records;
    private final BlobStore blobs;

    DocumentController(ReadRecords records, BlobStore blobs) {
        this.records = records;
        this.blobs = blobs;
    }

    @GetMapping("/portal/patients/{personId}/documents/{id}")
    String document(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @PathVariable String id,
                    @RequestParam(defaultValue = "0") int part, @RequestParam(defaultValue = "TREATMENT") String purpose,
                    Model model, HttpServletResponse response) {
        Reader reader = new Reader(me.userId(), me.facilityId(), PatientViewController.purpose(purpose));
        Interaction<PersonResource> read = records.readOfPerson(reader, "DocumentReference", id);
        if (!read.permitted() || !read.value().ofPatient(ChartKey.of(personId))) {
            return PatientViewController.denied(model, response);
        }
        StoredResource stored = read.value().resource();
        DocumentContent content = DocumentContent.of(stored.json(), part)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DocumentContent.Shown shown = content.shown();
        model.addAttribute("parts", DocumentContent.parts(stored.json()));
        model.addAttribute("part", part);
        model.addAttribute("partParameter", part == 0 ? null : part);
        model.addAttribute("personId", personId);
        model.addAttribute("person", read.value().view().ownPatient().map(own -> ShownPatient.of(own, null))
                .orElseGet(() -> ShownPatient.of(read.value().view().opened().orElseThrow().person())));
        model.addAttribute("purpose", ViewPurpose.parameter(purpose));
        model.addAttribute("document", content);
        model.addAttribute("shown", shown.name());
        model.addAttribute("documentId", id);
        model.addAttribute("marks", DataCategory.flagsIn(stored.held()).stream().map(f -> "chart.mark." + f.name())
                .toList());
        if (shown == DocumentContent.Shown.TEXT) {
            model.addAttribute("text", content.decodedText());
        } else if (shown == DocumentContent.Shown.FHIR_DOCUMENT) {
            model.addAttribute("composition", content.composition());
        }
        return "portal/document";
    }

    /**
     * The document's bytes, never cached: shown inline (a PDF in the viewer's frame, an image, plain
     * text) only when the type cannot run anything, otherwise a sandboxed download.
     */
    @GetMapping("/portal/patients/{personId}/documents/{id}/content")
    void content(@AuthenticationPrincipal SignedIn me, @PathVariable String personId, @PathVariable String id,
                 @RequestParam(required = false) String binary, @RequestParam(defaultValue = "0") int part,
                 @RequestParam(defaultValue = "TREATMENT") String purpose, HttpServletResponse response) throws IOException {
        Reader reader = new Reader(me.userId(), me.facilityId(), PatientViewController.purpose(purpose));
        if (binary != null && binary.isBlank()) {
            binary = null;
        }
        Interaction<PersonResource> read = binary != null ? records.readOfPerson(reader, "Binary", binary)
                : records.readOfPerson(reader, "DocumentReference", id);
        if (!read.permitted()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // alike for "not yours" and "no such document"
        }
        StoredResource stored = ofPerson(read.value(), personId);
        if (binary == null) {
            DocumentContent content = DocumentContent.of(stored.json(), part).orElse(null);
            if (content == null || content.data() == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            UntrustedContent.inlineIfSafe(response, content.contentType(), "document-" + id + (part == 0 ? "" : "-" + part));
            response.getOutputStream().write(content.data());
            return;
        }
        JsonNode r = JSON.readTree(stored.json());
        String hash = null;
        for (JsonNode extension : r.path("meta").path("extension")) {
            if (FhirSystems.BLOB_SHA256.equals(FhirJson.text(extension.path("url")))) {
                hash = FhirJson.text(extension.path("valueString"));
            }
        }
        Optional<InputStream> content = BlobStore.isKey(hash) ? blobs.open(hash) : Optional.empty();
        if (content.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        UntrustedContent.inlineIfSafe(response, FhirJson.text(r.path("contentType")), "document-" + binary);
        try (InputStream in = content.get()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The resource, if it is this person's: a document of another person is not found here. */
    private static StoredResource ofPerson(PersonResource read, String personId) {
        if (!read.ofPatient(ChartKey.of(personId))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return read.resource();
    }
}
