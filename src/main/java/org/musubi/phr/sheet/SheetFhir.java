package org.musubi.phr.sheet;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.record.fhir.FhirSystems;

/**
 * The emergency sheet as FHIR R4: a QuestionnaireResponse answering {@link FhirSystems#EMERGENCY_SHEET_QUESTIONNAIRE},
 * one item per section (linkIds as the form's fields: {@code condition} groups with {@code condition.name} …, coded
 * answers in {@link SheetChoices#SYSTEM}), photos as Attachments whose url names the blob ({@code
 * urn:musubi:blob-sha256:<hex>}), and who entered it in the {@link FhirSystems#PHR_SHEET_ENTRY} extension. Status
 * {@code completed}, or {@code in-progress} while a staff member's entry awaits the resident's confirmation.
 */
public final class SheetFhir {

    static final String BLOB_URL = FhirSystems.BLOB_SHA256 + ":";

    private SheetFhir() {
    }

    /** The resource, for the resident's Patient {@code patientReference}, authored at {@code authored}. */
    public static QuestionnaireResponse toResource(EmergencySheet sheet, SheetEntry entry, String patientReference,
                                                   Date authored) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(FhirSystems.EMERGENCY_SHEET_QUESTIONNAIRE);
        response.setStatus(entry.awaitsConfirmation() ? QuestionnaireResponseStatus.INPROGRESS
                : QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference(patientReference));
        response.setSource(new Reference(patientReference));
        response.setAuthoredElement(new DateTimeType(authored));
        if (entry.by() == SheetEntry.By.RESIDENT) {
            response.setAuthor(new Reference(patientReference));
        } else {
            response.setAuthor(new Reference().setDisplay(entry.name()));
        }
        Extension extension = response.addExtension().setUrl(FhirSystems.PHR_SHEET_ENTRY);
        extension.addExtension("by", new CodeType(entry.by().code()));
        optional(extension, "name", entry.name());
        optional(extension, "profession", entry.profession());
        optional(extension, "facility", entry.facility());
        entry.sections().forEach(s -> extension.addExtension("section", new CodeType(s.code())));
        if (entry.confirmation()) {
            extension.addExtension("confirmation", new BooleanType(true));
        }
        for (EmergencySheet.Condition c : sheet.conditions()) {
            group(response, "condition", "name", c.name(), "since", c.since(), "note", c.note());
        }
        for (EmergencySheet.Medicine m : sheet.medicines()) {
            QuestionnaireResponseItemComponent group = group(response, "medicine", "name", m.name(), "dose", m.dose());
            if (m.fromRecord()) {
                group.addItem().setLinkId("medicine.fromRecord").addAnswer().setValue(new BooleanType(true));
            }
        }
        for (EmergencySheet.Allergy a : sheet.allergies()) {
            QuestionnaireResponseItemComponent group = group(response, "allergy", "substance", a.substance(), "reaction",
                    a.reaction());
            if (a.fromRecord()) {
                group.addItem().setLinkId("allergy.fromRecord").addAnswer().setValue(new BooleanType(true));
            }
        }
        if (!sheet.familyDoctor().isEmpty()) {
            var d = sheet.familyDoctor();
            group(response, "doctor", "name", d.name(), "clinic", d.clinic(), "phone", d.phone());
        }
        if (!sheet.hospital().isEmpty()) {
            var h = sheet.hospital();
            group(response, "hospital", "name", h.name(), "department", h.department(), "phone", h.phone(),
                    "patientNumber", h.patientNumber());
        }
        for (EmergencySheet.Contact c : sheet.contacts()) {
            group(response, "contact", "name", c.name(), "relation", c.relation(), "phone", c.phone());
        }
        coded(response, "careLevel", sheet.careLevel());
        coded(response, "bloodAbo", sheet.bloodAbo());
        coded(response, "bloodRh", sheet.bloodRh());
        coded(response, "acpWish", sheet.acpWish());
        string(response.getItem(), "acpNote", sheet.acpNote());
        string(response.getItem(), "acpConfidant", sheet.acpConfidant());
        string(response.getItem(), "paperLocation", sheet.paperLocation());
        string(response.getItem(), "notes", sheet.notes());
        for (EmergencySheet.Photo p : sheet.photos()) {
            Attachment attachment = new Attachment().setContentType(p.mediaType()).setUrl(BLOB_URL + p.sha256())
                    .setSize((int) Math.min(Integer.MAX_VALUE, p.size()));
            if (p.caption() != null) {
                attachment.setTitle(p.caption());
            }
            response.addItem().setLinkId("photo").addAnswer().setValue(attachment);
        }
        return response;
    }

    /** The sheet a stored QuestionnaireResponse holds (what cannot be read is left out). */
    public static EmergencySheet sheet(QuestionnaireResponse response) {
        List<EmergencySheet.Condition> conditions = new ArrayList<>();
        List<EmergencySheet.Medicine> medicines = new ArrayList<>();
        List<EmergencySheet.Allergy> allergies = new ArrayList<>();
        List<EmergencySheet.Contact> contacts = new ArrayList<>();
        List<EmergencySheet.Photo> photos = new ArrayList<>();
        EmergencySheet.Doctor doctor = null;
        EmergencySheet.Hospital hospital = null;
        for (QuestionnaireResponseItemComponent item : response.getItem()) {
            switch (item.getLinkId()) {
                case "condition" -> conditions.add(new EmergencySheet.Condition(s(item, "condition.name"),
                        s(item, "condition.since"), s(item, "condition.note")));
                case "medicine" -> medicines.add(new EmergencySheet.Medicine(s(item, "medicine.name"),
                        s(item, "medicine.dose"), child(item, "medicine.fromRecord").map(Type::primitiveValue)
                        .map("true"::equals).orElse(false)));
                case "allergy" -> allergies.add(new EmergencySheet.Allergy(s(item, "allergy.substance"),
                        s(item, "allergy.reaction"), child(item, "allergy.fromRecord").map(Type::primitiveValue)
                        .map("true"::equals).orElse(false)));
                case "doctor" -> doctor = new EmergencySheet.Doctor(s(item, "doctor.name"), s(item, "doctor.clinic"),
                        s(item, "doctor.phone"));
                case "hospital" -> hospital = new EmergencySheet.Hospital(s(item, "hospital.name"),
                        s(item, "hospital.department"), s(item, "hospital.phone"), s(item, "hospital.patientNumber"));
                case "contact" -> contacts.add(new EmergencySheet.Contact(s(item, "contact.name"),
                        s(item, "contact.relation"), s(item, "contact.phone")));
                case "photo" -> answer(item).filter(Attachment.class::isInstance).map(Attachment.class::cast)
                        .filter(a -> a.hasUrl() && a.getUrl().startsWith(BLOB_URL) && a.hasContentType())
                        .ifPresent(a -> photos.add(new EmergencySheet.Photo(a.getUrl().substring(BLOB_URL.length()),
                                a.getContentType(), a.getSize(), a.getTitle())));
                default -> { }
            }
        }
        return new EmergencySheet(conditions, medicines, allergies, doctor, hospital, contacts,
                code(response, "careLevel", SheetChoices.CareLevel.class),
                code(response, "bloodAbo", SheetChoices.BloodAbo.class),
                code(response, "bloodRh", SheetChoices.BloodRh.class),
                code(response, "acpWish", SheetChoices.AcpWish.class),
                top(response, "acpNote"), top(response, "acpConfidant"), top(response, "paperLocation"),
                top(response, "notes"), photos);
    }

    /** Who entered a stored version (a version without the extension: the resident). */
    public static SheetEntry entry(QuestionnaireResponse response) {
        Extension extension = response.getExtensionByUrl(FhirSystems.PHR_SHEET_ENTRY);
        if (extension == null) {
            return new SheetEntry(SheetEntry.By.RESIDENT, null, null, null, List.of(), false);
        }
        List<SheetEntry.Section> sections = extension.getExtensionsByUrl("section").stream()
                .map(e -> e.getValue().primitiveValue()).map(SheetEntry.Section::of).flatMap(Optional::stream).toList();
        return new SheetEntry(SheetEntry.By.of(sub(extension, "by")), sub(extension, "name"),
                sub(extension, "profession"), sub(extension, "facility"), sections,
                "true".equals(sub(extension, "confirmation")));
    }

    private static String sub(Extension extension, String url) {
        Extension sub = extension.getExtensionByUrl(url);
        return sub == null || sub.getValue() == null ? null : sub.getValue().primitiveValue();
    }

    private static void optional(Extension extension, String url, String value) {
        if (value != null) {
            extension.addExtension(url, new StringType(value));
        }
    }

    private static QuestionnaireResponseItemComponent group(QuestionnaireResponse response, String linkId,
                                                            String... namesAndValues) {
        QuestionnaireResponseItemComponent group = response.addItem().setLinkId(linkId);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            string(group.getItem(), linkId + "." + namesAndValues[i], namesAndValues[i + 1]);
        }
        return group;
    }

    private static void string(List<QuestionnaireResponseItemComponent> into, String linkId, String value) {
        if (value != null) {
            QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(linkId);
            item.addAnswer().setValue(new StringType(value));
            into.add(item);
        }
    }

    private static void coded(QuestionnaireResponse response, String linkId, SheetChoices.Choice choice) {
        if (choice != null) {
            response.addItem().setLinkId(linkId).addAnswer()
                    .setValue(new Coding(SheetChoices.SYSTEM + ":" + linkId, choice.code(), null));
        }
    }

    private static Optional<Type> answer(QuestionnaireResponseItemComponent item) {
        return item.getAnswer().isEmpty() ? Optional.empty() : Optional.ofNullable(item.getAnswerFirstRep().getValue());
    }

    private static Optional<Type> child(QuestionnaireResponseItemComponent group, String linkId) {
        return group.getItem().stream().filter(i -> linkId.equals(i.getLinkId())).findFirst().flatMap(SheetFhir::answer);
    }

    private static String s(QuestionnaireResponseItemComponent group, String linkId) {
        return child(group, linkId).map(Type::primitiveValue).orElse(null);
    }

    private static String top(QuestionnaireResponse response, String linkId) {
        return response.getItem().stream().filter(i -> linkId.equals(i.getLinkId())).findFirst()
                .flatMap(SheetFhir::answer).map(Type::primitiveValue).orElse(null);
    }

    private static <E extends Enum<E> & SheetChoices.Choice> E code(QuestionnaireResponse response, String linkId,
                                                                     Class<E> type) {
        return response.getItem().stream().filter(i -> linkId.equals(i.getLinkId())).findFirst()
                .flatMap(SheetFhir::answer).filter(Coding.class::isInstance).map(c -> ((Coding) c).getCode())
                .flatMap(code -> SheetChoices.of(type, code)).orElse(null);
    }
}
