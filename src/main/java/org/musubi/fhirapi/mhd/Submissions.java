package org.musubi.fhirapi.mhd;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.bundle.EntryRefusals;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.SendLetterDocument;
import org.musubi.letters.exchange.LetterRow;
import org.musubi.messages.Texts;
import org.springframework.stereotype.Component;

/**
 * ITI-65 Provide Document Bundle to a facility: a transaction whose SubmissionSet ({@code List.code} submissionset)
 * names an intended recipient ({@code ihe-intendedRecipient}) sends each of its documents — a DocumentReference whose
 * content is a FHIR document Bundle ({@code application/fhir+json}) in a Binary of the transaction or inline, with
 * optionally a detached CMS signature over exactly those bytes as a second content ({@code application/pkcs7-signature})
 * — as a letter through {@link SendLetterDocument#sendDocument}, under the writer's own Patient the DocumentReference's
 * {@code subject} names. Everything is checked before anything is sent; what is wrong is a 422 naming the entry and
 * the element. A transaction without such a SubmissionSet is not one of these ({@link #provide} answers empty).
 */
@Component
public class Submissions {

    private final SendLetterDocument exchange;
    private final Recipients recipients;
    private final Audit audit;
    private final FhirContext context;

    Submissions(SendLetterDocument exchange, Recipients recipients, Audit audit, FhirContext context) {
        this.exchange = exchange;
        this.recipients = recipients;
        this.audit = audit;
        this.context = context;
    }

    /** One document to send: its DocumentReference's entry, the writer's Patient, the document's bytes, the signature. */
    private record Document(int index, String patient, byte[] json, byte[] signature) {
    }

    /** Whether the transaction is an MHD submission naming an intended recipient (then {@link #provide} sends it). */
    public static boolean applies(Bundle bundle) {
        int list = submissionSet(bundle.getEntry());
        return bundle.getType() == Bundle.BundleType.TRANSACTION && list >= 0
                && ((ListResource) bundle.getEntry().get(list).getResource()).hasExtension(MhdCodes.INTENDED_RECIPIENT);
    }

    /** Sends the submission's documents as letters: the transaction-response, one entry per entry, in order. */
    public Bundle provide(Caller caller, Bundle bundle) {
        caller.scoped(ScopeTable.TRANSACTION, audit, ScopeTable.entryTypes(bundle));
        caller.writingFacility();
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        int listIndex = submissionSet(entries);
        ListResource list = (ListResource) entries.get(listIndex).getResource();
        long addressee = EntryRefusals.named(listIndex, entries.get(listIndex), () -> recipients.facility(list, entries));
        List<Document> documents = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            IBaseResource resource = entries.get(i).getResource();
            int index = i;
            if (resource instanceof DocumentReference reference) {
                documents.add(EntryRefusals.named(i, entries.get(i), () -> document(index, reference, entries, used)));
            } else if (!(resource instanceof Binary) && !(resource instanceof Organization) && i != listIndex) {
                throw fault(i, entries.get(i), "Bundle.entry.resource", "宛先のある MHD の提出に含められるのは SubmissionSet の "
                        + "List、DocumentReference、Binary（と宛先の Organization）です", "an MHD submission to a facility holds "
                        + "its SubmissionSet List, DocumentReferences and Binaries (and the recipient's Organization) only");
            }
        }
        if (documents.isEmpty()) {
            throw fault(listIndex, entries.get(listIndex), "List.entry", "送る DocumentReference がありません",
                    "the submission holds no DocumentReference to send");
        }
        requireUsed(entries, used);
        List<SendLetterDocument.Checked> checked = checked(caller, documents, addressee);
        List<LetterRow> sent = audit.allOrNothing(() -> {
            List<LetterRow> rows = new ArrayList<>();
            for (int d = 0; d < documents.size(); d++) {
                rows.add(send(documents.get(d), checked.get(d), entries));
            }
            return rows;
        });
        return response(entries, listIndex, documents, sent);
    }

    /**
     * Each document checked and its file kept before the transaction that sends them all opens (no outside call inside
     * it, issue 68), in order up to the first that is not sent: that one answers where, in order, it would have.
     */
    private List<SendLetterDocument.Checked> checked(Caller caller, List<Document> documents, long addressee) {
        List<SendLetterDocument.Checked> checked = new ArrayList<>();
        for (Document d : documents) {
            SendLetterDocument.Checked c = exchange.check(caller.reader(), d.patient(), d.json(), d.signature(),
                    addressee, null);
            checked.add(c);
            if (c instanceof SendLetterDocument.NotSent) {
                break;
            }
        }
        return checked;
    }

    private LetterRow send(Document document, SendLetterDocument.Checked checked,
                           List<Bundle.BundleEntryComponent> entries) {
        return switch (exchange.store(checked)) {
            case LetterExchange.Sent.Done done -> done.letter();
            case LetterExchange.Sent.Invalid invalid -> throw invalid(document, entries, invalid.faults());
            case LetterExchange.Sent.Refused refused -> throw EntryRefusals.named(document.index(),
                    entries.get(document.index()), notOwnPatient("Patient/" + document.patient()));
        };
    }

    /**
     * The exchange's faults named where they lie: a patient that is not the writer's on the DocumentReference's
     * {@code subject} (the write path's one answer, whether the id exists or not), the addressee on the SubmissionSet's
     * recipient, anything else on the document.
     */
    private static BaseServerResponseException invalid(Document document, List<Bundle.BundleEntryComponent> entries,
                                                       List<String> faults) {
        Bundle.BundleEntryComponent entry = entries.get(document.index());
        if (faults.contains("letter.fault.patient") || faults.contains("letter.fault.notOurPatient")) {
            return EntryRefusals.named(document.index(), entry, notOwnPatient("Patient/" + document.patient()));
        }
        String japanese = String.join(" ", faults.stream().map(f -> text(f, true)).toList());
        String english = String.join(" ", faults.stream().map(f -> text(f, false)).toList());
        if (faults.contains("letter.fault.addressee")) {
            int list = submissionSet(entries);
            return fault(list, entries.get(list), "List.extension(ihe-intendedRecipient)", japanese, english);
        }
        return fault(document.index(), entry, "DocumentReference.content", japanese, english);
    }

    /** A fault's text: a message key of the bundles in Japanese or English, or a text as it came. */
    static String text(String fault, boolean japanese) {
        try {
            return japanese ? Texts.japanese(fault) : Texts.english(fault);
        } catch (MissingResourceException e) {
            return fault;
        }
    }

    private Document document(int index, DocumentReference reference, List<Bundle.BundleEntryComponent> entries,
                              List<Integer> used) {
        String patient = patientId(reference.getSubject());
        if (patient == null) {
            throw notOwnPatient(reference.getSubject().getReference());
        }
        byte[] json = null;
        byte[] signature = null;
        for (int c = 0; c < reference.getContent().size(); c++) {
            Attachment attachment = reference.getContent().get(c).getAttachment();
            String element = "DocumentReference.content[" + c + "].attachment";
            String type = mime(attachment.getContentType());
            if (type.equals(MhdCodes.CMS_SIGNATURE) && signature == null) {
                signature = content(attachment, element, entries, used);
            } else if (json == null && (type.equals(MhdCodes.FHIR_JSON) || type.equals("application/json+fhir"))) {
                json = content(attachment, element, entries, used);
                requireDocument(json, element);
            } else {
                throw unprocessable(element + ".contentType", "文書は FHIR の document Bundle（" + MhdCodes.FHIR_JSON
                        + "）一つと、その署名（" + MhdCodes.CMS_SIGNATURE + "）だけにしてください（" + type + "）",
                        "the document must be one FHIR document Bundle (" + MhdCodes.FHIR_JSON + ") and optionally its "
                        + "signature (" + MhdCodes.CMS_SIGNATURE + "), not " + type);
            }
        }
        if (json == null) {
            throw unprocessable("DocumentReference.content", "FHIR の document Bundle（" + MhdCodes.FHIR_JSON + "）がありません",
                    "the document must be a FHIR document Bundle (" + MhdCodes.FHIR_JSON + ")");
        }
        return new Document(index, patient, json, signature);
    }

    /** Refuses a Binary of the transaction that no DocumentReference's content names ({@code used}: those named). */
    static void requireUsed(List<Bundle.BundleEntryComponent> entries, List<Integer> used) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() instanceof Binary && !used.contains(i)) {
                throw fault(i, entries.get(i), "Binary", "どの DocumentReference の content も参照していない Binary です",
                        "no DocumentReference's content refers to this Binary");
            }
        }
    }

    /** The attachment's bytes: inline, or the Binary of the transaction its url names (that Binary counts as used). */
    static byte[] content(Attachment attachment, String element, List<Bundle.BundleEntryComponent> entries,
                          List<Integer> used) {
        if (attachment.hasData()) {
            return attachment.getData();
        }
        String url = attachment.getUrl();
        for (int i = 0; url != null && i < entries.size(); i++) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            if (entry.getResource() instanceof Binary binary && (url.equals(entry.getFullUrl())
                    || url.equals("Binary/" + binary.getIdElement().getIdPart()))) {
                used.add(i);
                if (!binary.hasData()) {
                    throw unprocessable(element + ".url", "参照先の Binary（" + url + "）に data がありません",
                            "the Binary it refers to (" + url + ") has no data");
                }
                return binary.getData();
            }
        }
        throw unprocessable(element + ".url", "data も、この Bundle の Binary への url もありません（" + url + "）",
                "neither data nor the url of a Binary of this Bundle (" + url + ")");
    }

    private void requireDocument(byte[] json, String element) {
        IBaseResource parsed;
        try {
            parsed = context.newJsonParser().parseResource(new String(json, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            parsed = null;
        }
        if (!(parsed instanceof Bundle document) || document.getType() != Bundle.BundleType.DOCUMENT) {
            throw unprocessable(element, "内容が FHIR の document Bundle（Bundle.type = document）ではありません",
                    "the content is not a FHIR document Bundle (Bundle.type = document)");
        }
    }

    /** The id of the Patient a reference names ({@code Patient/<id>}, relative or absolute), else null. */
    static String patientId(Reference subject) {
        if (subject == null || !subject.hasReference()) {
            return null;
        }
        IdType id = new IdType(subject.getReference());
        return "Patient".equals(id.getResourceType()) && id.getIdPart() != null
                && id.getIdPart().matches("[A-Za-z0-9\\-.]{1,64}") ? id.getIdPart() : null;
    }

    private static String mime(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Bundle response(List<Bundle.BundleEntryComponent> entries, int listIndex, List<Document> documents,
                                   List<LetterRow> sent) {
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (int i = 0; i < entries.size(); i++) {
            String location = null;
            if (i == listIndex) {
                location = "List/" + LetterIds.of(sent.getFirst().id());
            }
            for (int d = 0; d < documents.size(); d++) {
                if (documents.get(d).index() == i) {
                    location = "DocumentReference/" + LetterIds.of(sent.get(d).id());
                }
            }
            Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse().setStatus("201 Created");
            if (location != null) {
                answer.setLocation(location);
            }
        }
        return response;
    }

    /** The index of the transaction's SubmissionSet List, or -1. */
    static int submissionSet(List<Bundle.BundleEntryComponent> entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() instanceof ListResource list && list.getCode().getCoding().stream()
                    .anyMatch(c -> MhdCodes.SUBMISSION_SET.equals(c.getCode())
                            && (!c.hasSystem() || MhdCodes.LIST_TYPES.equals(c.getSystem())))) {
                return i;
            }
        }
        return -1;
    }

    /** The write path's answer for a subject that is not the writer's patient ({@code PatientReferences}). */
    private static UnprocessableEntityException notOwnPatient(String ref) {
        return unprocessable("DocumentReference.subject", "自施設の患者を参照してください（" + ref + "）",
                "must reference a patient of the writing facility (" + ref + ")");
    }

    static BaseServerResponseException fault(int index, Bundle.BundleEntryComponent entry, String element, String japanese,
                                             String english) {
        return EntryRefusals.named(index, entry, unprocessable(element, japanese, english));
    }

    static UnprocessableEntityException unprocessable(String element, String japanese, String english) {
        OperationOutcome outcome = new OperationOutcome();
        String text = element + ": " + japanese + " / " + english;
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING)
                .setDiagnostics(text).addExpression(element);
        return new UnprocessableEntityException(text, outcome);
    }
}
