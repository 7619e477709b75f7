package org.musubi.phr.checkups;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.phr.vitals.PhrPatient;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.phr.vitals.VitalObservations;
import org.musubi.policy.PersonView;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;

/**
 * A paper checkup result as FHIR R4, under the resident's own source patient at the notebook's facility: one
 * Observation per value (final; the 特定健診項目コード, and LOINC for the body measurements and blood pressure, as the
 * 特定健診 import codes them; vital-signs for those, laboratory for the rest; UCUM; BMI derived from the height and
 * weight), one DiagnosticReport with the 特定健診 report code grouping them (the place as a named performer, the photo as
 * {@code presentedForm}: a blob by its SHA-256, so that it is categorised, seen and refused with the report's results),
 * and one Provenance naming what the save created, its author, and for a proxy on whose behalf. Ids are derived from
 * what was entered, so that the same paper result sent twice is stored once.
 */
public final class PaperFhir {

    private static final String SEP = "\u001f";
    private final VitalObservations observations;
    private final PhrSources sources;
    private final Clock clock;

    public PaperFhir(VitalObservations observations, PhrSources sources, Clock clock) {
        this.observations = observations;
        this.sources = sources;
        this.clock = clock;
    }

    /** The photo kept with a paper result. */
    public record Photo(String sha256, String mediaType, long size) {
    }

    /** The resident's source at the notebook, made and linked by {@code userId} when it does not exist yet. */
    PhrPatient patient(long userId, PersonView view) {
        return sources.of(userId, view.opened().orElseThrow(), view.sources(),
                "the resident's own entries in the health notebook");
    }

    /** The Patient, the Observations and the report. */
    List<ResourceWrite> resources(PhrPatient patient, PaperEntry entry, Photo photo) {
        String entryKey = key(entry, photo);
        List<ResourceWrite> writes = new ArrayList<>();
        writes.add(observations.patient(patient));
        DiagnosticReport report = report(patient, entry, photo);
        for (Map.Entry<PaperItem, BigDecimal> value : entry.values().entrySet()) {
            String id = observationId(patient, entryKey, value.getKey());
            Observation observation = observation(patient, entry, value.getKey(), value.getValue());
            if (value.getKey() == PaperItem.BMI) {
                observation.addDerivedFrom(new Reference("Observation/" + observationId(patient, entryKey, PaperItem.HEIGHT)));
                observation.addDerivedFrom(new Reference("Observation/" + observationId(patient, entryKey, PaperItem.WEIGHT)));
            }
            writes.add(observations.write(patient, observation, id));
            report.addResult(new Reference("Observation/" + id));
        }
        writes.add(observations.write(patient, report, patient.id("DiagnosticReport" + SEP + "checkup" + SEP + entryKey)));
        return writes;
    }

    /** The Provenance of a save: every version it wrote, its author, and the resident a proxy acted for. */
    ResourceWrite provenance(PhrPatient patient, List<Written> changed, String proxyName) {
        Provenance provenance = new Provenance();
        List<String> targets = changed.stream().map(w -> w.type() + "/" + w.id() + "/_history/" + w.version()).toList();
        targets.forEach(t -> provenance.addTarget(new Reference(t)));
        provenance.setRecordedElement(new InstantType(Date.from(clock.instant())));
        Reference self = new Reference("Patient/" + patient.patientId());
        var agent = provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE,
                "author", "Author")));
        if (proxyName == null) {
            agent.setWho(self);
        } else {
            agent.setWho(new Reference().setDisplay(proxyName)).setOnBehalfOf(self);
        }
        return observations.write(patient, provenance, patient.id("Provenance" + SEP + String.join(",",
                targets.stream().sorted().toList())));
    }

    private static String observationId(PhrPatient patient, String entryKey, PaperItem item) {
        return patient.id("Observation" + SEP + "checkup" + SEP + entryKey + SEP + item.key());
    }

    /** What identifies a paper result: its day, place, values and photo. */
    private static String key(PaperEntry entry, Photo photo) {
        StringBuilder key = new StringBuilder(entry.date().toString()).append(SEP).append(entry.place() == null ? "" : entry.place());
        entry.values().forEach((item, value) -> key.append(SEP).append(item.key()).append('=').append(value.toPlainString()));
        return key.append(SEP).append(photo == null ? "" : photo.sha256()).toString();
    }

    private DiagnosticReport report(PhrPatient patient, PaperEntry entry, Photo photo) {
        DiagnosticReport report = new DiagnosticReport();
        report.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_DiagnosticReport_Common");
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.addCategory(new CodeableConcept().setText("特定健診"));
        report.setCode(new CodeableConcept(new Coding(ReadCheckups.REPORT_KIND, ReadCheckups.CHECKUP_RESULT, "特定健診情報"))
                .setText("健診結果（紙の結果から本人入力）"));
        report.setSubject(new Reference("Patient/" + patient.patientId()));
        report.setEffective(new DateTimeType(entry.date().toString()));
        if (entry.place() != null) {
            report.addPerformer(new Reference().setDisplay(entry.place()));
        }
        if (photo != null) {
            report.addPresentedForm(new Attachment().setContentType(photo.mediaType())
                    .setUrl(FhirSystems.BLOB_SHA256 + ":" + photo.sha256()).setSize((int) photo.size())
                    .setTitle("紙の健診結果の写真"));
        }
        return report;
    }

    private static Observation observation(PhrPatient patient, PaperEntry entry, PaperItem item, BigDecimal value) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        if (item.vitalSign()) {
            boolean body = item.code().group() == CheckupGroup.BODY;
            observation.getMeta().addProfile(body ? FhirSystems.JP_OBSERVATION_BODY_MEASUREMENT
                    : FhirSystems.JP_OBSERVATION_VITAL_SIGNS);
            observation.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "vital-signs",
                    "Vital Signs")));
            if (body) {
                observation.addCategory(new CodeableConcept(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY,
                        "body-measurement", "Body Measurement")));
            }
        } else {
            observation.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_Observation_LabResult");
            observation.addCategory(new CodeableConcept(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, "laboratory",
                    "Laboratory")));
        }
        CodeableConcept code = new CodeableConcept(new Coding(FhirSystems.CHECKUP_ITEM, item.code().itemCode(),
                item.code().standardName())).setText(item.code().standardName());
        if (item.code().loinc() != null) {
            code.addCoding(new Coding(FhirSystems.LOINC, item.code().loinc(), item.code().loincDisplay()));
        }
        observation.setCode(code);
        observation.setSubject(new Reference("Patient/" + patient.patientId()));
        observation.setEffective(new DateTimeType(entry.date().toString()));
        Quantity quantity = new Quantity();
        quantity.setValue(value);
        observation.setValue(quantity.setUnit(item.unit()).setSystem(FhirSystems.UCUM).setCode(item.ucum()));
        return observation;
    }
}
