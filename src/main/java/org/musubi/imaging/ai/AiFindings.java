package org.musubi.imaging.ai;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * AI findings made into the record's resources, marked as AI-generated in two ways a reader cannot miss (decided in
 * docs/imaging.md, "AI"):
 * <ul>
 * <li>every resource carries the {@code meta.tag} {@link #AI_TAG_SYSTEM}|{@link #AI_TAG_CODE} (HL7's "artificial
 * intelligence asserted"), which the timeline and the study page test ({@link #isAi}) to show the 「AI」 badge;</li>
 * <li>a Device for the model (its name and version as the service reports them) is the DiagnosticReport's performer
 * and every Observation's device — never a Practitioner.</li>
 * </ul>
 * Each finding is one Observation: its code as sent, its value with its unit, its body site, and the model's
 * probability as a component ({@link #PROBABILITY_CODE}). The DiagnosticReport names the ImagingStudy, the
 * Observations and the conclusion. Ids are given by the caller (the work item's), so a repeated callback writes the
 * same resources again rather than new ones.
 */
public final class AiFindings {

    public static final String AI_TAG_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public static final String AI_TAG_CODE = "AIAST";
    /** The component code of a finding's probability (0..1). */
    public static final String PROBABILITY_SYSTEM = "urn:musubi:ai";
    public static final String PROBABILITY_CODE = "probability";
    /** What every AI finding is shown with. */
    public static final String NOTICE = "AIによる所見です。医師の判断ではありません / AI-generated finding, not a physician's reading";

    private AiFindings() {
    }

    /**
     * The resources of {@code findings} from {@code service} about ImagingStudy {@code imagingStudyId} of patient
     * {@code patientId}, with ids made from {@code idBase} (the work item's): the Device first, then the Observations,
     * then the DiagnosticReport.
     */
    public static List<Resource> resources(AiContract.Findings findings, AiService service, String idBase,
                                           String patientId, String imagingStudyId, java.util.Date issued) {
        List<Resource> out = new ArrayList<>();
        Device device = new Device();
        device.setId(idBase + "-model");
        tag(device);
        device.addDeviceName().setName(service.modelName()).setType(Device.DeviceNameType.MODELNAME);
        device.addVersion().setValue(service.modelVersion());
        device.setManufacturer(service.name());
        out.add(device);
        Reference deviceRef = new Reference("Device/" + device.getIdPart())
                .setDisplay(service.modelName() + " " + service.modelVersion());
        Reference subject = new Reference("Patient/" + patientId);
        DiagnosticReport report = new DiagnosticReport();
        report.setId(idBase + "-report");
        tag(report);
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
        report.getCode().setText("AI analysis / AI解析");
        report.setSubject(subject);
        report.setIssued(issued);
        report.addPerformer(deviceRef);
        report.addImagingStudy(new Reference("ImagingStudy/" + imagingStudyId));
        report.setConclusion(findings.conclusion() == null ? NOTICE : findings.conclusion() + "\n" + NOTICE);
        int n = 0;
        for (AiContract.Finding finding : findings.findings()) {
            Observation observation = new Observation();
            observation.setId(idBase + "-f" + (++n));
            tag(observation);
            observation.setStatus(Observation.ObservationStatus.PRELIMINARY);
            observation.setCode(concept(finding.code()));
            observation.setSubject(subject);
            observation.setDevice(deviceRef);
            observation.setEffective(new DateTimeType(issued));
            observation.addDerivedFrom(new Reference("ImagingStudy/" + imagingStudyId));
            if (finding.value() != null) {
                observation.setValue(new Quantity().setValue(finding.value()).setUnit(finding.unit()));
            }
            if (finding.bodySite() != null) {
                observation.setBodySite(concept(finding.bodySite()));
            }
            if (finding.probability() != null) {
                observation.addComponent().setCode(new CodeableConcept(new Coding(PROBABILITY_SYSTEM, PROBABILITY_CODE,
                        "probability"))).setValue(new Quantity().setValue(finding.probability()).setUnit("1"));
            }
            if (finding.text() != null) {
                observation.addNote().setText(finding.text());
            }
            report.addResult(new Reference("Observation/" + observation.getIdPart()));
            out.add(observation);
        }
        out.add(report);
        return out;
    }

    /** Whether {@code resource} is marked as AI-generated. */
    public static boolean isAi(Resource resource) {
        return resource.getMeta().getTag().stream()
                .anyMatch(t -> AI_TAG_SYSTEM.equals(t.getSystem()) && AI_TAG_CODE.equals(t.getCode()));
    }

    private static void tag(Resource resource) {
        resource.getMeta().addTag(AI_TAG_SYSTEM, AI_TAG_CODE, "Artificial Intelligence asserted");
    }

    private static CodeableConcept concept(AiContract.Coded coded) {
        return new CodeableConcept(new Coding(coded.system(), coded.code(), coded.display()));
    }
}
