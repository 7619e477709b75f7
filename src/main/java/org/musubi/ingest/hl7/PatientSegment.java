package org.musubi.ingest.hl7;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.record.fhir.FhirSystems;

/**
 * The patient of a message from its PID segment: the facility's patient ID (PID-3, first CX), the
 * kanji (XPN-8 I) and kana (XPN-8 P) names of PID-5, birth date (PID-7), sex (PID-8), address (PID-11)
 * and phone (PID-13, home first), as matching needs them and as a JP Core Patient.
 */
public final class PatientSegment {

    private final Hl7Segment pid;

    public PatientSegment(Hl7Segment pid) {
        this.pid = pid;
    }

    /** PID-3's first identifier; empty when none was sent. */
    public String localId() {
        return pid.field(3).component(1).strip();
    }

    /** The identity under {@code localId} (which may differ from PID-3, e.g. an SS-MIX2 storage's folder). */
    public PatientIdentity identity(String localId) {
        Optional<HumanName> kanji = name("I");
        Optional<HumanName> kana = name("P");
        Optional<Address> address = pid.repetitions(11).stream().map(Hl7Values::address).flatMap(Optional::stream).findFirst();
        return new PatientIdentity(localId, kanji.map(HumanName::getFamily).orElse(null),
                kanji.map(HumanName::getGivenAsSingleString).filter(s -> !s.isEmpty()).orElse(null),
                kana.map(HumanName::getFamily).orElse(null),
                kana.map(HumanName::getGivenAsSingleString).filter(s -> !s.isEmpty()).orElse(null),
                sex(), Hl7Values.date(pid.text(7)).orElse(null), address.map(Address::getPostalCode).orElse(null),
                address.map(Address::getText).orElse(null), phone().map(ContactPoint::getValue).orElse(null));
    }

    /** The JP Core Patient: identifier in the facility's patient-ID system, names, sex, birth date, address, phones. */
    public Patient resource(String localId, MappingContext facility) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(FhirSystems.JP_PATIENT);
        patient.addIdentifier().setSystem(facility.patientIdSystem()).setValue(localId);
        Hl7Values.names(pid.repetitions(5)).forEach(patient::addName);
        patient.setGender(Hl7Values.gender(sex()));
        Hl7Values.date(pid.text(7)).ifPresent(d -> patient.setBirthDateElement(new DateType(d.toString())));
        pid.repetitions(11).stream().map(Hl7Values::address).flatMap(Optional::stream).forEach(patient::addAddress);
        phones().forEach(patient::addTelecom);
        return patient;
    }

    public Sex sex() {
        return Hl7Values.sex(pid.text(8));
    }

    public Hl7Segment segment() {
        return pid;
    }

    private Optional<HumanName> name(String representation) {
        List<Hl7Field> names = pid.repetitions(5);
        Optional<Hl7Field> chosen = names.stream().filter(n -> representation.equals(n.component(8))).findFirst();
        if (chosen.isEmpty() && representation.equals("I") && !names.isEmpty() && names.getFirst().component(8).isEmpty()) {
            chosen = Optional.of(names.getFirst());
        }
        return chosen.map(n -> Hl7Values.names(List.of(n))).filter(l -> !l.isEmpty()).map(List::getFirst);
    }

    private List<ContactPoint> phones() {
        return Stream.concat(pid.repetitions(13).stream(), pid.repetitions(14).stream())
                .map(Hl7Values::phone).flatMap(Optional::stream).toList();
    }

    /** The first home number, else the first number. */
    private Optional<ContactPoint> phone() {
        List<ContactPoint> phones = phones();
        return phones.stream().filter(p -> p.getUse() == ContactPoint.ContactPointUse.HOME).findFirst()
                .or(() -> phones.stream().findFirst());
    }
}
