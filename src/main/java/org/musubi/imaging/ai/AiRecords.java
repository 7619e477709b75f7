package org.musubi.imaging.ai;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.observation.ObservationValue;
import org.musubi.audit.AuditAction;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceWrite;
import org.musubi.record.StoredResource;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.write.EnterFindings;

/**
 * AI findings in the record: entered through the record's door for a device's findings ({@link
 * EnterFindings#enter}) as data of the study's facility under the study's source patient, with a Provenance
 * whose agent is the model's Device; and read back for the study page through the read door (one audit row naming
 * them), as {@link Shown} — marked AI, with the model's name and version and {@link AiFindings#NOTICE}.
 */
public final class AiRecords {

    private final EnterFindings enterFindings;
    private final ReadRecords reads;
    private final ResourceEncoder encoder;
    private final FhirContext fhir;
    private final AiContext context;

    public AiRecords(EnterFindings enterFindings, ReadRecords reads, ResourceEncoder encoder, FhirContext fhir,
                     AiContext context) {
        this.enterFindings = enterFindings;
        this.reads = reads;
        this.encoder = encoder;
        this.fhir = fhir;
        this.context = context;
    }

    /** An AI report as the study page shows it. */
    public record Shown(String reportId, String model, String conclusion, List<Line> findings, Instant issued) {
    }

    /** One finding as shown: what, its value, where, the model's probability (percent) and its text. */
    public record Line(String what, String value, String where, String probability, String text) {
    }

    /** The id of the DiagnosticReport work item {@code workItemId}'s findings become. */
    public static String reportId(long workItemId) {
        return idBase(workItemId) + "-report";
    }

    private static String idBase(long workItemId) {
        return "ai-" + workItemId;
    }

    /**
     * Enters {@code findings} of {@code item} from {@code service} about {@code study} and then runs {@code after} (the
     * work item DONE), in one transaction with one audit row by the service.
     */
    void enter(AiContract.Findings findings, AiWorkItem item, AiService service, IndexedStudy study, Runnable after) {
        Instant now = context.clock().instant();
        String patient = context.directory().patientResource(study.facilityId(), study.sourcePatientId())
                .orElseThrow(() -> new IllegalStateException("the study's patient has no Patient resource"));
        String base = idBase(item.id());
        List<ResourceWrite> made = new ArrayList<>();
        for (Resource resource : AiFindings.resources(findings, service, base, patient, study.resourceId(),
                Date.from(now))) {
            made.add(encoder.entered(resource, resource.getIdPart(), study.sourcePatientId(), study.facilityId()));
        }
        enterFindings.enter(AiContext.service(service), study.sourcePatientId(), study.facilityId(),
                AuditAction.CREATE, "DiagnosticReport", made, written -> provenance(written, base, study, now), after);
    }

    private ResourceWrite provenance(List<Written> written, String base, IndexedStudy study, Instant now) {
        Provenance provenance = new Provenance();
        written.forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(now)));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference("Device/" + base + "-model"));
        provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference("ImagingStudy/" + study.resourceId()));
        provenance.getMeta().addTag(AiFindings.AI_TAG_SYSTEM, AiFindings.AI_TAG_CODE, "Artificial Intelligence asserted");
        String id = base + "-provenance-" + now.toEpochMilli();
        return encoder.entered(provenance, id, study.sourcePatientId(), study.facilityId());
    }

    /**
     * The AI reports {@code reportIds} of {@code study} as {@code reader} may see them: one read through the record's
     * door (one audit row naming what was read); none when refused.
     */
    public List<Shown> shown(Reader reader, IndexedStudy study, List<String> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        PatientRef patient = context.patientOf(reader, study);
        Interaction<List<Shown>> read = reads.readPerson(reader, patient, AuditAction.READ, "DiagnosticReport",
                record -> {
                    List<Shown> shown = new ArrayList<>();
                    for (StoredResource stored : record.contents(reportIds)) {
                        if (stored.deleted() || stored.patientKey() != study.sourcePatientId()) {
                            continue;
                        }
                        DiagnosticReport report = fhir.newJsonParser().parseResource(DiagnosticReport.class,
                                stored.json());
                        if (!AiFindings.isAi(report)) {
                            continue;
                        }
                        List<String> results = report.getResult().stream().map(r -> r.getReferenceElement().getIdPart())
                                .toList();
                        List<Line> lines = results.isEmpty() ? List.of() : record.contents(results).stream()
                                .filter(r -> !r.deleted()).map(r -> line(fhir.newJsonParser()
                                        .parseResource(Observation.class, r.json()), ObservationValue.tree(r.json())))
                                .toList();
                        String model = report.getPerformer().stream().map(Reference::getDisplay).findFirst().orElse("");
                        String conclusion = report.getConclusion() == null ? "" : report.getConclusion()
                                .replace(AiFindings.NOTICE, "").strip();
                        shown.add(new Shown(stored.id(), model, conclusion, lines,
                                report.getIssued() == null ? null : report.getIssued().toInstant()));
                    }
                    return shown;
                });
        return read.permitted() && read.value() != null ? read.value() : List.of();
    }

    /** A finding as the page lists it: its value as every screen writes one ({@link ObservationValue}). */
    private static Line line(Observation observation, JsonNode json) {
        ObservationValue read = ObservationValue.of(json);
        String value = read.quantity() == null ? "" : read.quantity().shown();
        String probability = read.components().stream()
                .filter(p -> FhirJson.anyCode(p.code()) != null && p.code().path("coding").valueStream()
                        .anyMatch(k -> AiFindings.PROBABILITY_CODE.equals(k.path("code").asString(null)))
                        && p.value().quantity() != null)
                .map(p -> String.format(Locale.ROOT, "%.0f%%", p.value().quantity().number().doubleValue() * 100))
                .findFirst().orElse("");
        return new Line(text(observation.getCode()), value, observation.hasBodySite() ? text(observation.getBodySite())
                : "", probability, observation.getNote().stream().map(n -> n.getText()).findFirst().orElse(""));
    }

    private static String text(CodeableConcept concept) {
        return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode()).findFirst()
                .orElse(concept.getText() == null ? "" : concept.getText());
    }
}
