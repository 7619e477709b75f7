package org.musubi.phr.otc;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Purpose;
import org.musubi.identity.Person;
import org.musubi.medication.notebook.JahisWriter;
import org.musubi.phr.vitals.VitalObservations;
import org.musubi.policy.Interaction;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceLookup;
import org.musubi.record.StoredResource;
import org.musubi.record.fhir.DirectoryLinks;
import org.musubi.record.read.PersonRecord;

/**
 * The resident's own medication history as a JAHIS 電子版お薬手帳 file (JAHISTC08, Shift_JIS, CRLF) for an
 * e-medication-notebook app, written by the same {@link JahisWriter} as the FHIR API's {@code $medication-notebook}:
 * the resident (record 1: name, kana, sex, birth date, address, phone), allergies and intolerances (2), OTC drugs (3:
 * those a pharmacy's JAHIS file brought and those the resident entered, the latter with 作成者 2 = 患者等), and every
 * dispensing (5 …) with the pharmacy, pharmacist, prescribing institution and doctor it names. Supplements the
 * resident entered are left out: JAHIS has no record for them (record 3 is for 一般用医薬品 only). Prescriptions that
 * were never dispensed have no JAHIS record either. One read through the access policy's self access (the resident or
 * their live proxy), one audit row naming every resource it read.
 */
public final class MedicationNotebookFile {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final Set<String> TYPES = Set.of("MedicationDispense", "MedicationStatement", "AllergyIntolerance");
    private final ReadRecords reads;
    private final ResourceLookup lookup;
    private final FhirContext context;

    public MedicationNotebookFile(ReadRecords reads, ResourceLookup lookup, FhirContext context) {
        this.reads = reads;
        this.lookup = lookup;
        this.context = context;
    }

    /** The file's bytes in Shift_JIS; empty when refused. */
    public Optional<byte[]> write(long userId, long personId) {
        Interaction<byte[]> read = reads.readPerson(new Reader(userId, null, Purpose.PATIENT_SELF_ACCESS),
                PatientRef.person(personId), AuditAction.READ, "phr-medication-notebook", this::file);
        return Optional.ofNullable(read.value());
    }

    private byte[] file(PersonRecord record) {
        List<String> ids = record.outline().reversed().stream().filter(o -> TYPES.contains(o.type()))
                .map(Outline::id).toList();
        List<StoredResource> stored = ids.isEmpty() ? List.of() : record.contents(ids);
        List<Resource> history = stored.stream().filter(r -> !r.deleted()).map(this::resource)
                .filter(r -> !(r instanceof MedicationStatement s && OtcFhir.selfEntered(s)
                        && OtcFhir.entry(null, s).kind() == OtcKind.SUPPLEMENT)).toList();
        Map<String, Resource> directory = new LinkedHashMap<>();
        for (String ref : DirectoryLinks.in(stored)) {
            int slash = ref.indexOf('/');
            lookup.directoryEntry(ref.substring(0, slash), ref.substring(slash + 1))
                    .ifPresent(r -> directory.put(ref, resource(r)));
        }
        return new JahisWriter(SHIFT_JIS).write(patient(record.view().opened().orElseThrow().person()), history, directory);
    }

    private Resource resource(StoredResource stored) {
        return (Resource) context.newJsonParser().parseResource(stored.json());
    }

    /** Record 1's resident: name, sex, birth date, address and phone as the person has them (never their card). */
    static Patient patient(Person person) {
        Patient patient = VitalObservations.patientOf(person);
        if (person.address() != null || person.postalCode() != null) {
            patient.addAddress().setText(person.address()).setPostalCode(person.postalCode());
        }
        if (person.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(person.phone());
        }
        return patient;
    }
}
