package org.musubi.publish;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.identity.SourcePatient;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.observation.VitalSign;

/**
 * A care office's events as FHIR R4 under its own source patient. A visit, an ADL check and an incident are
 * Communications of Musubi's category {@link FhirSystems#CARE_TEAM_NOTE} (which makes them CARE_RECORDS for the
 * record's indexer, read by care managers and care workers) with the event's own coding beside it in {@link #KIND}
 * ({@code visit}, {@code adl}, {@code incident}); the visit's services, duration, an ADL item's answer (the care team's
 * CodeSystem {@link FhirSystems#CARE_TEAM_ADL}) and an incident's kind and severity are written out one payload each,
 * "key=value", the note last. (An Encounter would be ENCOUNTERS, which care workers do not see.) Vital signs are final
 * Observations coded by the one table of vital signs ({@link VitalSign}: LOINC, Japanese name, UCUM unit, vital-signs
 * categories, JP Core profile; blood pressure one panel with its two components), as the health notebook writes them.
 */
final class CareEvents {

    /** Musubi's CodeSystem of a care office's event kinds, beside {@link FhirSystems#CARE_TEAM_NOTE}. */
    static final String KIND = "urn:musubi:care-office-event";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ResourceEncoder encoder;

    CareEvents(ResourceEncoder encoder) {
        this.encoder = encoder;
    }

    List<ResourceWrite> of(SourcePatient own, String author, CareEvent event) {
        return switch (event) {
            case CareEvent.Visit v -> {
                Communication c = communication("visit", "訪問", event, author);
                c.addPayload().setContent(new StringType("duration_minutes=" + v.minutes()));
                v.services().forEach(s -> c.addPayload().setContent(new StringType("service=" + s.name())));
                note(c, v.note());
                yield List.of(write(own, c));
            }
            case CareEvent.Adl a -> {
                Communication c = communication("adl", "ADL", event, author);
                c.addCategory(new CodeableConcept(new Coding(FhirSystems.COMMUNICATION_CATEGORY,
                        FhirSystems.CARE_TEAM_ADL_NOTE, "Care team ADL check")));
                CareEvent.ADL_ITEMS.stream().filter(a.answers()::containsKey).forEach(item -> c.addPayload().setContent(
                        new StringType(item + "=" + a.answers().get(item) + " (" + FhirSystems.CARE_TEAM_ADL + ")")));
                note(c, a.note());
                yield List.of(write(own, c));
            }
            case CareEvent.Incident i -> {
                Communication c = communication("incident", "事故・ヒヤリハット", event, author);
                c.addPayload().setContent(new StringType("incident_kind=" + i.kind().name()));
                c.addPayload().setContent(new StringType("severity=" + i.severity().name()));
                note(c, i.note());
                yield List.of(write(own, c));
            }
            case CareEvent.Vitals v -> vitals(own, author, v);
        };
    }

    private List<ResourceWrite> vitals(SourcePatient own, String author, CareEvent.Vitals v) {
        List<ResourceWrite> writes = new ArrayList<>();
        if (v.values().containsKey(CareMeasure.SYSTOLIC) && v.values().containsKey(CareMeasure.DIASTOLIC)) {
            Observation panel = observation(author, v, VitalSign.SYSTOLIC);
            panel.setCode(VitalSign.bloodPressure());
            for (CareMeasure part : List.of(CareMeasure.SYSTOLIC, CareMeasure.DIASTOLIC)) {
                panel.addComponent().setCode(part.sign().code()).setValue(part.sign().unit().quantity(v.values().get(part)));
            }
            writes.add(write(own, panel));
        }
        v.values().keySet().stream().filter(m -> m != CareMeasure.SYSTOLIC && m != CareMeasure.DIASTOLIC)
                .forEach(m -> {
                    Observation single = observation(author, v, m.sign());
                    single.setCode(m.sign().code());
                    single.setValue(m.sign().unit().quantity(v.values().get(m)));
                    writes.add(write(own, single));
                });
        return writes;
    }

    private Communication communication(String kind, String display, CareEvent event, String author) {
        Communication c = new Communication();
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        c.addCategory(new CodeableConcept(new Coding(FhirSystems.COMMUNICATION_CATEGORY, FhirSystems.CARE_TEAM_NOTE,
                "Care team note")));
        c.addCategory(new CodeableConcept(new Coding(KIND, kind, display)));
        c.setSender(new Reference().setDisplay(author));
        c.setSentElement(at(event));
        return c;
    }

    private static void note(Communication c, String note) {
        if (note != null && !note.isBlank()) {
            c.addPayload().setContent(new StringType(note.strip()));
        }
    }

    /** A final Observation of the measure, with the one table's profile and categories, by the author. */
    private static Observation observation(String author, CareEvent event, VitalSign sign) {
        Observation o = sign.classify(new Observation());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addPerformer(new Reference().setDisplay(author));
        o.setEffective(at(event));
        return o;
    }

    private static DateTimeType at(CareEvent event) {
        return new DateTimeType(event.at().atZone(JAPAN).format(SECONDS));
    }

    private ResourceWrite write(SourcePatient own, org.hl7.fhir.r4.model.Resource resource) {
        return encoder.entered(resource, UUID.randomUUID().toString(), own.id(), own.facilityId());
    }
}
