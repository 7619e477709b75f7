package org.musubi.phr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.medication.fhir.Medications;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.policy.Interaction;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.medication.OpenStays;
import org.musubi.record.read.PersonRecord;

/**
 * My medicines (わたしのお薬): every prescription, dispensing and facility's note of medicines in the resident's own
 * record, as the clinicians' medication page reads them (the same lines: what is taken now, the history apart; the same
 * duplicate checks), read through the policy's self access as one audited read.
 */
public final class MyMedicines {

    private static final Set<String> TYPES = Set.of("MedicationRequest", "MedicationDispense", "MedicationStatement",
            "MedicationAdministration", "AllergyIntolerance");
    private final ReadRecords records;
    private final ReadMedications medications;

    public MyMedicines(ReadRecords records, ReadMedications medications) {
        this.records = records;
        this.medications = medications;
    }

    /** The resident's medicines, checked; empty when the user is not this person. */
    public Optional<Medications> read(long userId, long personId) {
        Interaction<Medications> read = records.readPerson(new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS),
                PatientRef.person(personId), AuditAction.READ, "phr-medications", this::of);
        return Optional.ofNullable(read.value());
    }

    /**
     * The medicines of a record read in an interaction of the caller's (the emergency sheet's form prefills its
     * medicines from them in its own one audited read).
     */
    public Medications of(PersonRecord record) {
        List<String> ids = new ArrayList<>(record.outline().stream().filter(o -> TYPES.contains(o.type()))
                .map(Outline::id).toList());
        ids.addAll(OpenStays.toRead(record.outline()));
        List<StoredResource> resources = ids.isEmpty() ? List.of() : record.contents(ids);
        return medications.of(resources, LocalDate.now(FhirJson.JAPAN));
    }
}
