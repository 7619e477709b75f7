package org.musubi.fhirapi.mhd;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.box.Box;
import org.musubi.box.BoxFile;
import org.musubi.box.SendFiles;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.bundle.EntryRefusals;
import org.musubi.fhirapi.person.OwnPatientIds;
import org.musubi.identity.IdentityStore;
import org.musubi.record.PatientRef;
import org.musubi.record.fhir.FhirSystems;
import org.springframework.stereotype.Component;

/**
 * ITI-65 Provide Document Bundle of Box files: a transaction whose SubmissionSet names intended recipients — users as
 * Practitioners, a facility's members as an Organization ({@link Recipients#box}) — and whose DocumentReferences carry
 * Box's category ({@code urn:musubi:box|file}) sends each document's one content (any type; inline or a Binary of the
 * transaction) as a Box file through {@link org.musubi.box.SendFiles#send}: named {@code content.attachment.title}, with the
 * DocumentReference's {@code description} as its message, about the writer's own Patient its {@code subject} names (if
 * any; with the extension {@code urn:musubi:fhir:box-attach} true also a document of that patient's record). Never a
 * letter, never written into the record otherwise. Everything that can be checked before a file is stored is checked
 * first — the entries, the recipients, each patient, the sizes against the sender's room — so that a wrong submission
 * sends nothing; what is wrong is a 422 naming the entry and element. Box audits each file sent once.
 */
@Component
public class BoxSubmissions {

    private static final String RECIPIENT = "List.extension(ihe-intendedRecipient)";

    private final SendFiles box;
    private final Recipients recipients;
    private final Audit audit;
    private final OwnPatientIds patients;
    private final IdentityStore identities;

    BoxSubmissions(SendFiles box, Recipients recipients, Audit audit, OwnPatientIds patients, IdentityStore identities) {
        this.box = box;
        this.recipients = recipients;
        this.audit = audit;
        this.patients = patients;
        this.identities = identities;
    }

    /** One file to send: its DocumentReference's entry, its name, type, bytes, message and patient. */
    private record File(int index, String name, String contentType, byte[] bytes, String message, Box.About about) {
    }

    /** Whether the transaction is an MHD submission to intended recipients with a DocumentReference of Box's category. */
    public static boolean applies(Bundle bundle) {
        return Submissions.applies(bundle) && bundle.getEntry().stream()
                .anyMatch(e -> e.getResource() instanceof DocumentReference reference && boxed(reference));
    }

    /** Sends the submission's files: the transaction-response, one entry per entry, in order. */
    public Bundle provide(Caller caller, Bundle bundle) {
        caller.scoped(ScopeTable.TRANSACTION, audit, ScopeTable.entryTypes(bundle));
        caller.writingFacility();
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        int listIndex = Submissions.submissionSet(entries);
        ListResource list = (ListResource) entries.get(listIndex).getResource();
        Box.Recipients to = EntryRefusals.named(listIndex, entries.get(listIndex), () -> recipients.box(list, entries));
        List<File> files = new ArrayList<>();
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            IBaseResource resource = entries.get(i).getResource();
            int index = i;
            if (resource instanceof DocumentReference reference) {
                if (!boxed(reference)) {
                    throw Submissions.fault(i, entries.get(i), "DocumentReference.category", "Box のファイルと手紙を一つの提出に"
                            + "混ぜることはできません（category " + FhirSystems.BOX + "|" + FhirSystems.BOX_FILE + " がありません）",
                            "Box files and letters cannot be mixed in one submission (no category " + FhirSystems.BOX
                            + "|" + FhirSystems.BOX_FILE + ")");
                }
                files.add(EntryRefusals.named(i, entries.get(i), () -> file(caller, index, reference, entries, used)));
            } else if (!(resource instanceof Binary) && !(resource instanceof Organization)
                    && !(resource instanceof Practitioner) && i != listIndex) {
                throw Submissions.fault(i, entries.get(i), "Bundle.entry.resource", "Box の提出に含められるのは SubmissionSet の "
                        + "List、DocumentReference、Binary（と宛先の Organization、Practitioner）です", "a Box submission holds "
                        + "its SubmissionSet List, DocumentReferences and Binaries (and the recipients' Organization and "
                        + "Practitioners) only");
            }
        }
        Submissions.requireUsed(entries, used);
        fits(caller, files, entries);
        List<BoxFile> sent = new ArrayList<>();
        for (File file : files) {
            sent.add(send(caller, file, to, entries, listIndex, sent));
        }
        return response(entries, files, sent);
    }

    private BoxFile send(Caller caller, File file, Box.Recipients to, List<Bundle.BundleEntryComponent> entries,
                         int listIndex, List<BoxFile> before) {
        Box.Sent sent = box.send(caller.reader(), List.of(new Box.Upload(file.name(), file.contentType(),
                new ByteArrayInputStream(file.bytes()))), to, file.message(), file.about());
        if (!sent.files().isEmpty()) {
            return sent.files().getFirst();
        }
        List<String> faults = sent.faults();
        String japanese = String.join(" ", faults.stream().map(f -> Submissions.text(f, true)).toList());
        String english = String.join(" ", faults.stream().map(f -> Submissions.text(f, false)).toList());
        if (!before.isEmpty()) {
            String ids = before.stream().map(f -> "DocumentReference/" + BoxResources.id(f.id())).toList().toString();
            japanese += "（先の " + before.size() + " 件は送信済みです: " + ids + "）";
            english += " (the " + before.size() + " before were sent: " + ids + ")";
        }
        if (faults.contains("box.fault.noRecipient") || faults.contains("box.fault.recipientNotPermitted")) {
            throw Submissions.fault(listIndex, entries.get(listIndex), RECIPIENT, japanese, english);
        }
        String element = faults.contains("box.fault.patient") || faults.contains("box.fault.notOurPatient")
                ? "DocumentReference.subject" : faults.contains("box.fault.attachTooLarge")
                ? "DocumentReference.extension(box-attach)" : "DocumentReference.content";
        throw Submissions.fault(file.index(), entries.get(file.index()), element, japanese, english);
    }

    /** The sizes against the per-file limit and the sender's room, before any file is stored. */
    private void fits(Caller caller, List<File> files, List<Bundle.BundleEntryComponent> entries) {
        long room = box.room(caller.reader());
        long total = 0;
        for (File file : files) {
            total += file.bytes().length;
            String fault = file.bytes().length > box.fileMaxBytes() ? "box.fault.tooLarge"
                    : total > room ? "box.fault.quota" : null;
            if (fault != null) {
                throw Submissions.fault(file.index(), entries.get(file.index()), "DocumentReference.content",
                        Submissions.text(fault, true), Submissions.text(fault, false));
            }
        }
    }

    private File file(Caller caller, int index, DocumentReference reference, List<Bundle.BundleEntryComponent> entries,
                      List<Integer> used) {
        if (reference.getContent().size() != 1) {
            throw Submissions.unprocessable("DocumentReference.content", "Box のファイルは content 一つにしてください（"
                    + reference.getContent().size() + " 件）", "a Box file has one content (" + reference.getContent().size()
                    + " given)");
        }
        Attachment attachment = reference.getContentFirstRep().getAttachment();
        byte[] bytes = Submissions.content(attachment, "DocumentReference.content[0].attachment", entries, used);
        String type = attachment.getContentType();
        if ((type == null || type.isBlank()) && attachment.hasUrl()) {
            type = entries.stream().filter(e -> attachment.getUrl().equals(e.getFullUrl()))
                    .map(e -> e.getResource() instanceof Binary b ? b.getContentType() : null).findFirst().orElse(null);
        }
        return new File(index, attachment.getTitle(), type, bytes, reference.getDescription(), about(caller, reference));
    }

    /**
     * The patient the file is about: none without {@code subject}; else the writer's own Patient it names (or the
     * person by regional id), whose standing Box then decides. A subject naming no patient of the writer is refused
     * as every write about such a patient is, audited once.
     */
    private Box.About about(Caller caller, DocumentReference reference) {
        Optional<Extension> attach = Optional.ofNullable(reference.getExtensionByUrl(FhirSystems.BOX_ATTACH));
        boolean attached = attach.map(Extension::getValue).filter(BooleanType.class::isInstance)
                .map(v -> ((BooleanType) v).booleanValue()).orElse(false);
        if (!reference.hasSubject()) {
            if (attach.isPresent()) {
                throw Submissions.unprocessable("DocumentReference.extension(box-attach)", "記録に添付するには subject に"
                        + "自施設の患者を指定してください", "attaching to a record needs the writer's own patient as subject");
            }
            return null;
        }
        String id = Submissions.patientId(reference.getSubject());
        Optional<Long> person = patients.patient(caller, id).flatMap(ref -> switch (ref) {
            case PatientRef.Person p -> Optional.of(p.personId());
            case PatientRef.OwnPatient own -> identities.personOf(own.sourcePatientId());
        });
        if (person.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on("BoxFile").reason("box.fault.patient"));
            String ref = reference.getSubject().getReference();
            throw Submissions.unprocessable("DocumentReference.subject", "自施設の患者を参照してください（" + ref + "）",
                    "must reference a patient of the writing facility (" + ref + ")");
        }
        return new Box.About(person.get(), attached);
    }

    static boolean boxed(DocumentReference reference) {
        return reference.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> FhirSystems.BOX.equals(c.getSystem()) && FhirSystems.BOX_FILE.equals(c.getCode()));
    }

    private static Bundle response(List<Bundle.BundleEntryComponent> entries, List<File> files, List<BoxFile> sent) {
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse().setStatus("201 Created");
            for (int f = 0; f < files.size(); f++) {
                if (files.get(f).index() == i) {
                    answer.setLocation("DocumentReference/" + BoxResources.id(sent.get(f).id()));
                }
            }
        }
        return response;
    }
}
