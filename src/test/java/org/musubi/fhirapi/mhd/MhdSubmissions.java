package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.letters.Addressee;
import org.musubi.letters.Author;
import org.musubi.letters.Coded;
import org.musubi.letters.Content;
import org.musubi.letters.Demographics;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.letters.clins.ClinsDocuments;
import org.musubi.registry.Facility;

/**
 * What an EHR sends over IHE MHD in the tests: a JP-CLINS referral made the way Musubi's composer makes it, and the
 * ITI-65 transaction (SubmissionSet List naming the recipient by its medical-institution code, DocumentReference,
 * Binary) that carries it; and a Box file's ITI-65 transaction to users (Practitioners) and a facility's members.
 */
public final class MhdSubmissions {

    public static final String LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
    public static final String INTENDED_RECIPIENT = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-intendedRecipient";
    public static final String INSTITUTION_NO = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";

    private MhdSubmissions() {
    }

    /** A referral from {@code sender} to {@code addressee} about the sender's patient, as FHIR JSON bytes. */
    public static byte[] referral(FhirContext context, Facility sender, Facility addressee, String localId, String marker) {
        Letter letter = new Letter(LetterKind.REFERRAL, "M-" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000),
                1, Instant.now(), new Author("結 太郎", "ムスビ タロウ", Author.Profession.DOCTOR, "内科", "mhd-1"),
                facility(sender), new Addressee(facility(addressee), addressee.id(), "循環器内科", null),
                new Demographics(localId, "結 花子", "ムスビ ハナコ", LocalDate.of(1950, 4, 1), "female", "730-0012",
                        "広島県広島市中区上八丁堀2-3", "082-111-2222", "06139999:あいう:187:05"),
                new Content("精査加療をお願いします。" + marker, List.of(new Diagnosis(Coded.text("労作時の息切れ"), null, true,
                        false, false, null)), "2か月前より労作時の胸部圧迫感あり。", null, List.of(), List.of(), null,
                        List.of(), null, List.of(), null, null, List.of()), null, null);
        return context.newJsonParser().encodeResourceToString(ClinsDocuments.document(letter)).getBytes(StandardCharsets.UTF_8);
    }

    private static org.musubi.letters.Facility facility(Facility facility) {
        return new org.musubi.letters.Facility(facility.nameKanji(), facility.code().value(), "730-0011",
                facility.address(), "082-000-0001");
    }

    /** The ITI-65 transaction sending {@code document} (as {@code contentType}) about {@code patientRef} to {@code recipientCode}. */
    public static Bundle provide(String patientRef, String recipientCode, byte[] document, String contentType) {
        String list = "urn:uuid:" + UUID.randomUUID();
        String reference = "urn:uuid:" + UUID.randomUUID();
        String binary = "urn:uuid:" + UUID.randomUUID();
        ListResource submission = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
                .setMode(ListResource.ListMode.WORKING).setSubject(new Reference(patientRef));
        submission.getCode().addCoding(new Coding(LIST_TYPES, "submissionset", null));
        submission.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
        if (recipientCode != null) {
            submission.addExtension(INTENDED_RECIPIENT, new Reference().setType("Organization")
                    .setIdentifier(new Identifier().setSystem(INSTITUTION_NO).setValue(recipientCode)));
        }
        submission.addEntry().setItem(new Reference(reference));
        DocumentReference documentReference = new DocumentReference()
                .setStatus(Enumerations.DocumentReferenceStatus.CURRENT).setSubject(new Reference(patientRef));
        documentReference.getType().addCoding(new Coding("http://loinc.org", "57133-1", "診療情報提供書"));
        documentReference.addContent().getAttachment().setContentType(contentType).setUrl(binary);
        Binary content = new Binary().setContentType(contentType).setData(document);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl(list).setResource(submission).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");
        bundle.addEntry().setFullUrl(reference).setResource(documentReference).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("DocumentReference");
        bundle.addEntry().setFullUrl(binary).setResource(content).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        return bundle;
    }

    /** Adds a detached signature over the document as a second content of the DocumentReference, in its own Binary. */
    public static Bundle withSignature(Bundle provide, byte[] cms) {
        String binary = "urn:uuid:" + UUID.randomUUID();
        DocumentReference reference = (DocumentReference) provide.getEntry().get(1).getResource();
        reference.addContent().getAttachment().setContentType("application/pkcs7-signature").setUrl(binary);
        provide.addEntry().setFullUrl(binary).setResource(new Binary().setContentType("application/pkcs7-signature")
                .setData(cms)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        return provide;
    }

    /** The letter's id the ITI-65 response names ({@code DocumentReference/letter-<id>}). */
    public static UUID sentLetter(Bundle response) {
        String location = response.getEntry().get(1).getResponse().getLocation();
        if (location == null || !location.startsWith("DocumentReference/letter-")) {
            throw new IllegalStateException("not sent as a letter: " + location);
        }
        return UUID.fromString(location.substring("DocumentReference/letter-".length()));
    }

    /** An ITI-65 transaction sending one Box file to {@code recipients}, about {@code patient} when not null. */
    public static Bundle box(List<Reference> recipients, String name, String contentType, byte[] bytes, String message,
                             String patient) {
        String list = "urn:uuid:" + UUID.randomUUID();
        String reference = "urn:uuid:" + UUID.randomUUID();
        String binary = "urn:uuid:" + UUID.randomUUID();
        ListResource submission = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
                .setMode(ListResource.ListMode.WORKING);
        submission.getCode().addCoding(new Coding(LIST_TYPES, "submissionset", null));
        submission.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
        recipients.forEach(r -> submission.addExtension(INTENDED_RECIPIENT, r));
        submission.addEntry().setItem(new Reference(reference));
        DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.addCategory().addCoding(new Coding("urn:musubi:box", "file", null));
        document.setDescription(message);
        if (patient != null) {
            document.setSubject(new Reference(patient));
            document.addExtension("urn:musubi:fhir:box-attach", new BooleanType(false));
        }
        document.addContent().getAttachment().setContentType(contentType).setTitle(name).setUrl(binary);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl(list).setResource(submission).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");
        bundle.addEntry().setFullUrl(reference).setResource(document).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("DocumentReference");
        bundle.addEntry().setFullUrl(binary).setResource(new Binary().setContentType(contentType).setData(bytes))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        return bundle;
    }

    /** A user as a Practitioner, by their id in the registry. */
    public static Reference practitioner(long userId) {
        return new Reference().setType("Practitioner").setIdentifier(new Identifier().setSystem("urn:musubi:registry:user")
                .setValue(String.valueOf(userId)));
    }

    /** A facility's members (of these professions; all when none) as an Organization, by medical-institution code. */
    public static Reference organization(Facility facility, List<String> professions) {
        Reference reference = new Reference().setType("Organization").setIdentifier(new Identifier()
                .setSystem(INSTITUTION_NO).setValue(facility.code().value()));
        professions.forEach(p -> reference.addExtension("urn:musubi:fhir:box-profession", new CodeType(p)));
        return reference;
    }

    /** The Box file's id the ITI-65 response names ({@code DocumentReference/box-<id>}). */
    public static String sentBoxFile(Bundle response) {
        String location = response.getEntry().get(1).getResponse().getLocation();
        if (location == null || !location.startsWith("DocumentReference/box-")) {
            throw new IllegalStateException("not sent as a Box file: " + location);
        }
        return location.substring("DocumentReference/".length());
    }
}
