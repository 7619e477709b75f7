package org.musubi.medication.fhir;

import static org.musubi.record.fhir.FhirJson.text;

import java.time.Instant;
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
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;

/**
 * A patient's prescriptions (MedicationRequest) and dispensings (MedicationDispense) from every
 * hospital and pharmacy as rows of the medication list, each with the entry the duplicate checks
 * read: the drug's code (a YJ code when the record has one), the days it covers, who prescribed it
 * and which pharmacy dispensed it. The one reading of stored medications into entries, for every view of a
 * patient's medications (the chart today).
 */
public final class MedicationRows {

    private MedicationRows() {
    }

    /**
     * One row: the entry for the checks, and what the list shows of it.
     *
     * @param dosage the dosage text as recorded
     * @param flags  the JP-CLINS flags the stored resource holds (未告知 …), which the list marks beside the drug
     */
    public record Row(MedicationEntry entry, long facilityId, String dosage, int days, List<DataCategory> flags) {

        public String prescriberLabel() {
            return label(entry.prescriber());
        }

        public String pharmacyLabel() {
            return label(entry.pharmacy());
        }

        private static String label(Source source) {
            if (source == null) {
                return null;
            }
            String name = source.name() == null ? source.code() : source.name();
            return source.person() == null ? name : name + "（" + source.person() + "）";
        }
    }

    /** Whether a resource is one of the list's. */
    static boolean listed(StoredResource stored) {
        return !stored.deleted() && (stored.type().equals("MedicationRequest") || stored.type().equals("MedicationDispense"));
    }

    /**
     * The rows of the listed resources among {@code resources}, read as JSON ({@code json}: the same order).
     *
     * @param senders each sending facility by its id, as a source (code: its medical-institution code, name: its
     *                name); a facility not in it is named {@code #<id>}
     */
    public static List<Row> of(List<StoredResource> resources, List<JsonNode> json, Map<Long, Source> senders) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            StoredResource stored = resources.get(i);
            if (!listed(stored)) {
                continue;
            }
            JsonNode r = json.get(i);
            String status = text(r.path("status"));
            if ("entered-in-error".equals(status) || "cancelled".equals(status) || "declined".equals(status)) {
                continue;
            }
            row(stored, r, senders.get(stored.sourceFacilityId())).ifPresent(rows::add);
        }
        return rows;
    }

    private static Optional<Row> row(StoredResource stored, JsonNode r, Source sender) {
        boolean dispense = stored.type().equals("MedicationDispense");
        Instant at = dispense ? FhirJson.firstInstant(r.path("whenHandedOver"), r.path("whenPrepared"))
                : FhirJson.firstInstant(r.path("dosageInstruction").path(0).path("timing").path("repeat")
                        .path("boundsPeriod").path("start"), r.path("authoredOn"));
        if (at == null) {
            return Optional.empty();
        }
        LocalDate start = at.atZone(FhirJson.JAPAN).toLocalDate();
        int days = days(r, dispense);
        JsonNode concept = r.path("medicationCodeableConcept").isMissingNode()
                ? FhirJson.contained(r, r.path("medicationReference")).path("code") : r.path("medicationCodeableConcept");
        String[] code = code(concept);
        String name = FhirJson.concept(concept);
        Source senderSource = sender == null ? Source.named("#" + stored.sourceFacilityId()) : sender;
        Source prescriber;
        Source pharmacy = null;
        if (dispense) {
            prescriber = prescriber(r);
            JsonNode actor = r.path("performer").path(0).path("actor");
            pharmacy = "Organization".equals(FhirJson.targetType(r, actor)) ? organization(r, actor) : senderSource;
        } else {
            prescriber = new Source(senderSource.code(), senderSource.name(), FhirJson.party(r, r.path("requester")));
        }
        String dosage = text(r.path("dosageInstruction").path(0).path("text"));
        MedicationEntry entry = MedicationEntry.forDays(stored.type() + "/" + stored.id(), code[0], code[1], name, start,
                days, prescriber, pharmacy, dispense ? MedicationEntry.Kind.DISPENSING : MedicationEntry.Kind.PRESCRIPTION);
        return Optional.of(new Row(entry, stored.sourceFacilityId(), dosage, days, DataCategory.flagsIn(stored.held())));
    }

    /** The days a record covers: days' supply, else the duration of its dosage, else one day. */
    private static int days(JsonNode r, boolean dispense) {
        JsonNode supply = dispense ? r.path("daysSupply") : r.path("dispenseRequest").path("expectedSupplyDuration");
        double value = supply.path("value").asDouble(0);
        if (value <= 0) {
            value = r.path("dosageInstruction").path(0).path("timing").path("repeat").path("boundsDuration")
                    .path("value").asDouble(0);
        }
        return (int) Math.max(1, Math.min(value, 366));
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
                role = FhirJson.contained(r, extension.path("valueReference"));
            }
        }
        if (role == null || role.isMissingNode()) {
            return null;
        }
        JsonNode doctor = role.path("practitioner");
        String doctorName = doctor.isMissingNode() ? null : FhirJson.party(r, doctor);
        if (role.path("organization").isMissingNode()) {
            return doctorName == null ? null : new Source(null, null, doctorName);
        }
        Source org = organization(r, role.path("organization"));
        return new Source(org.code(), org.name(), doctorName);
    }

    /** An organization a reference names: its 医療機関コード and name, from the contained resource or the reference. */
    private static Source organization(JsonNode r, JsonNode reference) {
        JsonNode contained = FhirJson.contained(r, reference);
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
