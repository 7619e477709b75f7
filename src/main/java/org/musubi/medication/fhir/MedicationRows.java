package org.musubi.medication.fhir;

import static org.musubi.record.fhir.FhirJson.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.medication.DrugCodeSystems;
import org.musubi.medication.MedicationEntry;
import org.musubi.medication.Source;
import org.musubi.policy.DataCategory;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.medication.MedicationCourse;
import org.musubi.record.fhir.reference.FhirReference;
import tools.jackson.databind.JsonNode;

/**
 * A patient's prescriptions (MedicationRequest), dispensings (MedicationDispense), administrations in a stay
 * (MedicationAdministration) and facilities' hand-published notes of medicines from every hospital, clinic and pharmacy
 * as rows of the medication list, each with the entry the
 * duplicate checks read: the drug's code (a YJ code when the record has one), the days it covers (as the record's one
 * reader of a medication's period, {@link MedicationCourse}, reads them), who prescribed it and which pharmacy
 * dispensed it. The one reading of stored medications into rows, for every view of a patient's medications.
 */
public final class MedicationRows {

    private MedicationRows() {
    }

    /**
     * One row: the course the record reads, the entry for the checks, and what the list shows of it.
     *
     * @param dosage the dosage text as recorded
     * @param days   the days' supply as recorded, or {@code null} (a note that holds until withdrawn)
     * @param flags  the JP-CLINS flags the stored resource holds (未告知 …), which the list marks beside the drug
     */
    public record Row(MedicationCourse course, MedicationEntry entry, long facilityId, String dosage, Integer days,
                      List<DataCategory> flags) {

        public String prescriberLabel() {
            return label(entry.prescriber());
        }

        public String pharmacyLabel() {
            return label(entry.pharmacy());
        }

        /** The last day taken, or {@code null} while it holds until withdrawn. */
        public LocalDate until() {
            return course.end();
        }

        private static String label(Source source) {
            if (source == null) {
                return null;
            }
            String name = source.name() == null ? source.code() : source.name();
            return source.person() == null ? name : name + "（" + source.person() + "）";
        }
    }

    /**
     * The rows of the medications among {@code resources} (any types; the others are passed over), read as JSON
     * ({@code json}: the same order); an open course's entry for the checks ends {@code today}.
     *
     * @param senders each sending facility by its id, as a source (code: its medical-institution code, name: its
     *                name); a facility not in it is named {@code #<id>}
     */
    public static List<Row> of(List<StoredResource> resources, List<JsonNode> json, Map<Long, Source> senders,
                               LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            StoredResource stored = resources.get(i);
            JsonNode r = json.get(i);
            Optional<MedicationCourse> course = MedicationCourse.of(stored, r);
            if (course.isPresent()) {
                rows.add(row(stored, r, course.get(), senders.get(stored.sourceFacilityId()), today));
            }
        }
        return rows;
    }

    private static Row row(StoredResource stored, JsonNode r, MedicationCourse course, Source sender, LocalDate today) {
        boolean dispense = course.kind() == MedicationCourse.Kind.DISPENSING;
        String[] code = code(course.concept());
        Source senderSource = sender == null ? Source.named("#" + stored.sourceFacilityId()) : sender;
        Source prescriber;
        Source pharmacy = null;
        if (dispense) {
            prescriber = prescriber(r);
            JsonNode actor = r.path("performer").path(0).path("actor");
            pharmacy = "Organization".equals(FhirReference.targetType(r, actor)) ? organization(r, actor) : senderSource;
        } else {
            prescriber = new Source(senderSource.code(), senderSource.name(), FhirReference.party(r, r.path("requester")));
        }
        LocalDate end = course.end() != null ? course.end() : today.isBefore(course.start()) ? course.start() : today;
        MedicationEntry.Kind kind = switch (course.kind()) {
            case DISPENSING -> MedicationEntry.Kind.DISPENSING;
            case ADMINISTRATION -> MedicationEntry.Kind.ADMINISTRATION;
            default -> MedicationEntry.Kind.PRESCRIPTION;
        };
        MedicationEntry entry = new MedicationEntry(course.ref(), code[0], code[1], course.name(), course.start(), end,
                prescriber, pharmacy, kind);
        return new Row(course, entry, stored.sourceFacilityId(), course.dosage(), course.statedDays(),
                DataCategory.flagsIn(stored.held()));
    }

    /** The system and code the checks should use: a YJ coding first, else the first coding. */
    private static String[] code(JsonNode concept) {
        for (JsonNode coding : concept.path("coding")) {
            String system = text(coding.path("system"));
            if (DrugCodeSystems.isYj(system) && text(coding.path("code")) != null) {
                return new String[] {system, text(coding.path("code"))};
            }
        }
        JsonNode first = concept.path("coding").path(0);
        return new String[] {text(first.path("system")), text(first.path("code"))};
    }

    /**
     * The prescribing institution and doctor of a dispensing (JAHIS 51/55), when recorded: the contained
     * PractitionerRole the prescriber extension names, whose institution and doctor are stored resources
     * (the references' identifier and display tell their code and name) or, as imported before
     * 2026-11-23, resources contained in the dispensing too.
     */
    private static Source prescriber(JsonNode r) {
        JsonNode role = null;
        for (JsonNode extension : r.path("extension")) {
            if (FhirSystems.PRESCRIBER.equals(text(extension.path("url")))) {
                role = FhirReference.contained(r, extension.path("valueReference"));
            }
        }
        if (role == null || role.isMissingNode()) {
            return null;
        }
        JsonNode doctor = role.path("practitioner");
        String doctorName = doctor.isMissingNode() ? null : FhirReference.party(r, doctor);
        if (role.path("organization").isMissingNode()) {
            return doctorName == null ? null : new Source(null, null, doctorName);
        }
        Source org = organization(r, role.path("organization"));
        return new Source(org.code(), org.name(), doctorName);
    }

    /** An organization a reference names: its 医療機関コード and name, from the contained resource or the reference. */
    private static Source organization(JsonNode r, JsonNode reference) {
        JsonNode contained = FhirReference.contained(r, reference);
        if (!contained.isMissingNode()) {
            return organization(contained.path("identifier"), text(contained.path("name")));
        }
        return organization(List.of(reference.path("identifier")), text(reference.path("display")));
    }

    private static Source organization(Iterable<JsonNode> identifiers, String name) {
        String number = null;
        for (JsonNode identifier : identifiers) {
            if (FhirSystems.INSTITUTION_NO.equals(text(identifier.path("system")))) {
                number = text(identifier.path("value"));
            }
        }
        return new Source(number, name, null);
    }
}
