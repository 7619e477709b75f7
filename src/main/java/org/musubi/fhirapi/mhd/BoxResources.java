package org.musubi.fhirapi.mhd;

import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.box.BoxFile;
import org.musubi.record.fhir.FhirSystems;

/**
 * A Box file as MHD shows it: a DocumentReference {@code box-<uuid>} (ITI-67) whose one content is
 * {@code Binary/box-<uuid>} (ITI-68). It names the file, its sender and message, never a patient: a file about a
 * patient is shown to its recipients as the file they were sent, never as a way to the record. The prefix keeps these
 * ids apart from the record's (random UUIDs) and the letters' ({@code letter-…}), so that a read goes to exactly one
 * store and leaves exactly one audit row.
 */
final class BoxResources {

    static final String PREFIX = "box-";
    private static final Pattern FORM = Pattern.compile("box-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private BoxResources() {
    }

    /** Whether the id is of Box's form (whatever file it names, existing or not). */
    static boolean isBox(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    /** The file an id names; for an id not well formed, one no file has (asked all the same: one answer, one row). */
    static UUID file(String id) {
        return id != null && FORM.matcher(id).matches() ? UUID.fromString(id.substring(PREFIX.length())) : new UUID(0, 0);
    }

    static String id(UUID file) {
        return PREFIX + file;
    }

    /** The file's DocumentReference; {@code facility}: the sending facility as a reference. */
    static DocumentReference documentReference(BoxFile f, Reference facility) {
        DocumentReference document = new DocumentReference();
        document.setId(id(f.id()));
        document.getMeta().setLastUpdated(Date.from(f.uploadedAt())).addProfile(MhdCodes.DOCUMENT_REFERENCE_PROFILE);
        document.setMasterIdentifier(new Identifier().setSystem(MhdCodes.URI).setValue("urn:uuid:" + f.id()));
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.addCategory().addCoding(new Coding(FhirSystems.BOX, FhirSystems.BOX_FILE, "Box"));
        document.setDate(Date.from(f.uploadedAt()));
        if (f.senderName() != null && !f.senderName().isBlank()) {
            document.addAuthor(new Reference().setType("Practitioner").setDisplay(f.senderName()));
        }
        if (facility != null) {
            document.addAuthor(facility);
            document.setCustodian(facility);
        }
        if (f.message() != null) {
            document.setDescription(f.message());
        }
        document.addExtension(FhirSystems.BOX_EXPIRES, new InstantType(Date.from(f.expiresAt())));
        document.addExtension(FhirSystems.BOX_SCAN, new CodeType(f.scan().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        var attachment = document.addContent().getAttachment().setContentType(f.contentType())
                .setUrl("Binary/" + id(f.id())).setTitle(f.name()).setCreation(Date.from(f.uploadedAt()));
        if (f.size() <= Integer.MAX_VALUE) {
            attachment.setSize((int) f.size());
        }
        return document;
    }
}
