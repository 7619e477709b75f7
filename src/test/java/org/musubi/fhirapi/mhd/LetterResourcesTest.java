package org.musubi.fhirapi.mhd;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.musubi.letters.LetterKind;
import org.musubi.letters.exchange.LetterRow;
import org.musubi.letters.exchange.LetterStatus;

/** A letter as MHD shows it: ids of one form, the type a system searches by, and nothing that names the person. */
class LetterResourcesTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final long PERSON = 4_812_345_678_901_234L;
    private final LetterResources resources = new LetterResources(id -> id == 7 ? Optional.of("3410012345") : Optional.empty());

    private static LetterRow row(LetterKind kind, UUID repliesTo) {
        return new LetterRow(UUID.fromString("0b6c3d6e-1f7a-4c1e-9a51-5d2f3c4b5a69"), PERSON, kind, "結 花子", "ムスビ ハナコ",
                LocalDate.of(1950, 4, 1), 7, "結クリニック", "結 太郎", 8, "広島結病院", "循環器内科", null,
                LetterStatus.ACCEPTED, null, Instant.parse("2026-11-20T01:30:00Z"), Instant.parse("2026-11-20T02:00:00Z"),
                Instant.parse("2026-11-21T03:00:00.123Z"), null, false, repliesTo, null);
    }

    @Test
    void aReferralIsACurrentDocumentReferenceOfItsNationalTypeWithItsDocumentSignatureAndPdfAsBinaries() {
        DocumentReference document = resources.documentReference(row(LetterKind.REFERRAL, null), true);

        assertThat(document.getIdElement().getIdPart()).isEqualTo("letter-0b6c3d6e-1f7a-4c1e-9a51-5d2f3c4b5a69");
        assertThat(document.getMeta().getLastUpdated().toInstant()).isEqualTo(Instant.parse("2026-11-21T03:00:00.123Z"));
        assertThat(document.getStatus().toCode()).isEqualTo("current");
        assertThat(document.getType().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactly(
                "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes|57133-1", "urn:musubi:letter-type|referral");
        assertThat(document.getContent()).extracting(c -> c.getAttachment().getContentType() + " " + c.getAttachment().getUrl())
                .containsExactly("application/fhir+json Binary/letter-0b6c3d6e-1f7a-4c1e-9a51-5d2f3c4b5a69",
                        "application/pkcs7-signature Binary/letter-0b6c3d6e-1f7a-4c1e-9a51-5d2f3c4b5a69-signature",
                        "application/pdf Binary/letter-0b6c3d6e-1f7a-4c1e-9a51-5d2f3c4b5a69-pdf");
        assertThat(document.getCustodian().getIdentifier().getValue()).isEqualTo("3410012345");
        assertThat(document.getExtensionByUrl(MhdCodes.LETTER_STATUS).getValueAsPrimitive().getValueAsString())
                .isEqualTo("accepted");
    }

    @Test
    void aReplyRelatesToTheLetterItAnswersAndAFacilityWithoutCodeIsNamedByItsRegistryId() {
        UUID answered = UUID.randomUUID();
        DocumentReference reply = resources.documentReference(row(LetterKind.REPLY, answered), false);
        ListResource list = resources.submissionSet(row(LetterKind.REPLY, answered));

        assertThat(reply.getRelatesToFirstRep().getTarget().getReference()).isEqualTo("DocumentReference/letter-" + answered);
        assertThat(reply.getType().getCoding()).extracting(c -> c.getCode()).containsExactly("reply");
        assertThat(reply.getContent()).extracting(c -> c.getAttachment().getContentType())
                .containsExactly("application/fhir+json", "application/pkcs7-signature");
        Identifier recipient = ((Reference) list.getExtensionByUrl(MhdCodes.INTENDED_RECIPIENT).getValue()).getIdentifier();
        assertThat(recipient.getSystem() + "|" + recipient.getValue()).isEqualTo("urn:musubi:registry:facility|8");
        assertThat(list.getCode().getCodingFirstRep().getCode()).isEqualTo("submissionset");
        assertThat(list.getEntryFirstRep().getItem().getReference()).isEqualTo("DocumentReference/" + reply.getIdPart());
    }

    @Test
    void neitherResourceNamesThePersonByAnyIdOnlyByTheNameTheSenderWrote() {
        String json = R4.newJsonParser().encodeResourceToString(resources.documentReference(row(LetterKind.REFERRAL, null), true))
                + R4.newJsonParser().encodeResourceToString(resources.submissionSet(row(LetterKind.REFERRAL, null)));

        assertThat(json).doesNotContain(String.valueOf(PERSON)).doesNotContain("\"Patient/").contains("結 花子");
    }

    @Test
    void onlyIdsOfTheLettersFormNameALetter() {
        UUID id = UUID.randomUUID();

        assertThat(LetterIds.parse(LetterIds.of(id))).contains(new LetterIds.Named(id, LetterIds.Part.DOCUMENT));
        assertThat(LetterIds.parse(LetterIds.of(id, LetterIds.Part.PDF))).contains(new LetterIds.Named(id, LetterIds.Part.PDF));
        assertThat(LetterIds.parse("letter-" + id + "-signature")).contains(new LetterIds.Named(id, LetterIds.Part.SIGNATURE));
        assertThat(LetterIds.parse(id.toString())).isEmpty();
        assertThat(LetterIds.parse("letter-" + id + "-pdf2")).isEmpty();
        assertThat(LetterIds.isLetter("letter-nonsense")).as("routed to the letters, answered as absent there").isTrue();
    }
}
