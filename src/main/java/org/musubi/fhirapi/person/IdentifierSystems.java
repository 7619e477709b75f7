package org.musubi.fhirapi.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.identity.SourceIdentifier;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.systems.BuiltInSystems;
import org.musubi.registry.systems.DeclaredSystems;
import org.springframework.stereotype.Component;

/**
 * Identifier systems Musubi knows: the regional ID, and each facility's patient IDs. A facility's built-in system is
 * JP Core's {@code urn:oid:1.2.392.100495.20.3.51.1} + its 10-digit medical institution code, or
 * {@code urn:musubi:facility:<id>:patient-id} without a code; JP-CLINS's {@code JP_Hospital_PatientID} names the
 * writer's own patient IDs when a facility writes. A checkup centre's examinee IDs are also named as the JP eCheckup
 * guides name them, {@code urn:oid:1.2.392.200119.6.102.1} + its 10-digit 健診機関番号 (its code in the registry):
 * the same local IDs as its built-in system; another centre's number, or that system for a facility that is no
 * checkup centre, is no system of the facility's. Besides, a facility may have systems declared as its patient IDs
 * (its EHR's MRN URI …), each naming that one facility ({@link DeclaredSystems}).
 */
@Component
public class IdentifierSystems implements BuiltInSystems {

    /** JP-CLINS: "the sending hospital's patient ID", meaning the writer's own patient ID when a facility writes. */
    public static final String JP_HOSPITAL_PATIENT_ID = "http://jpfhir.jp/fhir/eCS/Idsystem/JP_Hospital_PatientID";
    private static final String FACILITY_PATIENT_ID = ":patient-id";
    /** Musubi's own URNs: its facilities' built-in systems among them, and none a facility may declare. */
    private static final String MUSUBI_URN = "urn:musubi:";
    private final Facilities facilities;
    private final DeclaredSystems declared;
    private final String regional;

    IdentifierSystems(Facilities facilities, DeclaredSystems declared, FhirApiProperties properties) {
        this.facilities = facilities;
        this.declared = declared;
        this.regional = properties.regionalIdSystem();
    }

    public String regional() {
        return regional;
    }

    public boolean isRegional(String system) {
        return regional.equals(system);
    }

    /** The facility's built-in patient-ID system. */
    public String patientIds(Facility facility) {
        return facility.medicalInstitutionCode().map(code -> FhirSystems.PATIENT_ID_ROOT + code.value())
                .orElse(FhirSystems.FACILITY + facility.id() + FACILITY_PATIENT_ID);
    }

    /**
     * A checkup centre's examinee-ID system of the JP eCheckup guides ({@code urn:oid:1.2.392.200119.6.102.1} + its
     * 健診機関番号); empty for a facility that is no checkup centre or has no code.
     */
    public Optional<String> checkupPatientIds(Facility facility) {
        return facility.kind() != FacilityKind.CHECKUP_CENTRE ? Optional.empty()
                : facility.medicalInstitutionCode().map(code -> FhirSystems.CHECKUP_PATIENT_ID_ROOT + code.value());
    }

    /**
     * The systems a Patient the facility writes may carry its patient ID in, in the order registration tries them:
     * the built-in system, a checkup centre's examinee-ID system, {@code JP_Hospital_PatientID}, then the declared
     * systems in declaration order.
     */
    public List<String> accepted(Facility facility) {
        List<String> systems = new ArrayList<>(List.of(patientIds(facility)));
        checkupPatientIds(facility).ifPresent(systems::add);
        systems.add(JP_HOSPITAL_PATIENT_ID);
        systems.addAll(facility.identifierSystems());
        return systems;
    }

    /**
     * The facility's identifier {@code system|value} as a source patient's identifier: in its built-in system, in a
     * checkup centre's examinee-ID system (or JP_Hospital_PatientID, the writer's own, when {@code writing}), a local
     * ID; in a system it declared, that one; empty for any other system.
     */
    public Optional<SourceIdentifier> patientIdentifier(Facility facility, String system, String value, boolean writing) {
        if (system == null || value == null) {
            return Optional.empty();
        }
        if (system.equals(patientIds(facility)) || checkupPatientIds(facility).filter(system::equals).isPresent()
                || (writing && JP_HOSPITAL_PATIENT_ID.equals(system))) {
            return Optional.of(SourceIdentifier.local(value));
        }
        return facility.identifierSystems().contains(system) ? Optional.of(new SourceIdentifier(system, value))
                : Optional.empty();
    }

    /** The facility whose patient-ID system this is, built-in or declared; empty when it is none of ours. */
    public Optional<Facility> facilityOf(String system) {
        if (system == null || system.isEmpty()) {
            return Optional.empty();
        }
        if (system.startsWith(FhirSystems.PATIENT_ID_ROOT) && system.length() == FhirSystems.PATIENT_ID_ROOT.length() + 10) {
            return facilities.findByCode(system.substring(FhirSystems.PATIENT_ID_ROOT.length()));
        }
        if (system.startsWith(FhirSystems.CHECKUP_PATIENT_ID_ROOT)) {
            return checkupCentre(system.substring(FhirSystems.CHECKUP_PATIENT_ID_ROOT.length()));
        }
        if (system.startsWith(FhirSystems.FACILITY) && system.endsWith(FACILITY_PATIENT_ID)) {
            String id = system.substring(FhirSystems.FACILITY.length(), system.length() - FACILITY_PATIENT_ID.length());
            return id.matches("\\d{1,18}") ? facilities.find(Long.parseLong(id)) : Optional.empty();
        }
        if (isRegional(system) || JP_HOSPITAL_PATIENT_ID.equals(system)) {
            return Optional.empty();
        }
        return declared.facilityOf(system);
    }

    /** The checkup centre whose 健診機関番号 is {@code number}; empty for any other number or facility. */
    private Optional<Facility> checkupCentre(String number) {
        if (!number.matches("\\d{10}")) {
            return Optional.empty();
        }
        return facilities.findByCode(number).filter(f -> f.kind() == FacilityKind.CHECKUP_CENTRE);
    }

    public boolean known(String system) {
        return isRegional(system) || facilityOf(system).isPresent();
    }

    @Override
    public String of(Facility facility) {
        return patientIds(facility);
    }

    @Override
    public Optional<String> reserved(String system) {
        if (isRegional(system)) {
            return Optional.of("facility.systems.reserved.regional");
        }
        if (system.startsWith(FhirSystems.PATIENT_ID_ROOT) || system.startsWith(MUSUBI_URN)
                || system.startsWith(FhirSystems.CHECKUP_PATIENT_ID_ROOT)) {
            return Optional.of("facility.systems.reserved.builtIn");
        }
        if (JP_HOSPITAL_PATIENT_ID.equals(system)) {
            return Optional.of("facility.systems.reserved.generic");
        }
        return Optional.empty();
    }
}
