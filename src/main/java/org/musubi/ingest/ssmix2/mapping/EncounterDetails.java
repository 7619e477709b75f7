package org.musubi.ingest.ssmix2.mapping;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterLocationStatus;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.musubi.ingest.adapter.CodeSystems;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.record.fhir.FhirSystems;

/**
 * The PV1 details of an Encounter: where (PV1-3 ward^room^bed, PV1-6 the prior place), who (PV1-7
 * attending ATND, PV1-17 admitting ADM, by name: Musubi keeps no Practitioner for them), the
 * department (PV1-10, HL7 table 0069) and the discharge disposition (PV1-36, HL7 table 0112).
 */
final class EncounterDetails {

    private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private final Hl7Segment pv1;

    EncounterDetails(Hl7Segment pv1) {
        this.pv1 = pv1;
    }

    void apply(Encounter encounter) {
        place(pv1.field(6)).ifPresent(p -> encounter.addLocation().setStatus(EncounterLocationStatus.COMPLETED)
                .getLocation().setDisplay(p));
        place(pv1.field(3)).ifPresent(p -> encounter.addLocation().setStatus(locationStatus(encounter.getStatus()))
                .getLocation().setDisplay(p));
        participant(encounter, pv1.field(7), "ATND", "attender");
        participant(encounter, pv1.field(17), "ADM", "admitter");
        if (!pv1.text(10).isEmpty()) {
            encounter.setServiceType(EncounterMapper.concept(FhirSystems.DEPARTMENT, pv1.text(10), null));
        }
        if (!pv1.text(36).isEmpty()) {
            encounter.getHospitalization().setDischargeDisposition(EncounterMapper.concept(
                    CodeSystems.uri("HL70112", pv1.text(36)), pv1.text(36), null));
        }
    }

    /** A PL as written: ward, room and bed (PL-1 to PL-3), e.g. {@code 32 302 1}. */
    private static Optional<String> place(Hl7Field pl) {
        String text = Stream.of(pl.component(1), pl.component(2), pl.component(3))
                .filter(part -> !part.isBlank()).map(String::strip).collect(Collectors.joining(" "));
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static void participant(Encounter encounter, Hl7Field xcn, String code, String display) {
        Doctors.byName(xcn).ifPresent(doctor -> encounter.addParticipant().setIndividual(doctor)
                .addType().addCoding(new Coding(PARTICIPATION, code, display)));
    }

    private static EncounterLocationStatus locationStatus(EncounterStatus status) {
        return switch (status) {
            case FINISHED, CANCELLED -> EncounterLocationStatus.COMPLETED;
            case PLANNED -> EncounterLocationStatus.PLANNED;
            default -> EncounterLocationStatus.ACTIVE;
        };
    }
}
