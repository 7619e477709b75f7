package org.musubi.fhirapi.person;

import java.util.Optional;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * Identifier systems Musubi knows: the regional ID, and each facility's patient IDs. A facility
 * with a 10-digit medical institution code uses JP Core's system {@code urn:oid:1.2.392.100495.20.3.51.1}
 * + code; one without (e.g. a care facility) uses {@code urn:musubi:facility:<id>:patient-id}.
 */
@Component
public class IdentifierSystems {

    /** JP-CLINS: "the sending hospital's patient ID", meaning the writer's own patient ID when a facility writes. */
    public static final String JP_HOSPITAL_PATIENT_ID = "http://jpfhir.jp/fhir/eCS/Idsystem/JP_Hospital_PatientID";
    private final Facilities facilities;
    private final String regional;

    IdentifierSystems(Facilities facilities, FhirApiProperties properties) {
        this.facilities = facilities;
        this.regional = properties.regionalIdSystem();
    }

    public String regional() {
        return regional;
    }

    public boolean isRegional(String system) {
        return regional.equals(system);
    }

    public String patientIds(Facility facility) {
        return facility.medicalInstitutionCode().map(code -> FhirSystems.PATIENT_ID_ROOT + code.value())
                .orElse(FhirSystems.FACILITY + facility.id() + ":patient-id");
    }

    /** The patient-ID system of the facility with this id (one that exists). */
    public String patientIds(long facilityId) {
        return patientIds(facilities.find(facilityId).orElseThrow());
    }

    /** The facility whose patient-ID system this is; empty when it is none of ours. */
    public Optional<Facility> facilityOf(String system) {
        if (system == null) {
            return Optional.empty();
        }
        if (system.startsWith(FhirSystems.PATIENT_ID_ROOT) && system.length() == FhirSystems.PATIENT_ID_ROOT.length() + 10) {
            return facilities.findByCode(system.substring(FhirSystems.PATIENT_ID_ROOT.length()));
        }
        if (system.startsWith(FhirSystems.FACILITY) && system.endsWith(":patient-id")) {
            String id = system.substring(FhirSystems.FACILITY.length(), system.length() - ":patient-id".length());
            return id.matches("\\d{1,18}") ? facilities.find(Long.parseLong(id)) : Optional.empty();
        }
        return Optional.empty();
    }

    public boolean known(String system) {
        return isRegional(system) || facilityOf(system).isPresent();
    }
}
