package org.musubi.ingest.orca;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.w3c.dom.Element;

/**
 * Reads one patient's file of an ORCA pull ({@link OrcaPull}: ORCA's patientgetv2, diseasegetv2 and medicalgetv2
 * answers as they came) as records: the patient ({@code orca:patient:<Patient_ID>}, ORCA's patient information, so it
 * replaces what was stored), the disease list ({@code orca:diseases:<Patient_ID>}: the whole list each time, so a
 * disease deleted in ORCA is deleted here), and each visit ({@code orca:visit:<Patient_ID>:<day>:<診療科>}). Records have
 * no version: a record pulled again with the same content changes nothing, with other content replaces what it stored,
 * so pulling a window twice never duplicates. The local patient ID is ORCA's 患者番号.
 */
public final class OrcaReader implements SourceReader {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.messages");

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        byte[] bytes = file.bytes();
        Location where = Location.file(file.name());
        Element root;
        try {
            root = OrcaXml.parse(bytes);
        } catch (IllegalArgumentException e) {
            results.accept(rejected(where, "ingest.orca.notXml", bytes));
            return;
        }
        Element info = OrcaXml.child(first(OrcaXml.child(root, "patient")), "Patient_Information");
        String id = OrcaXml.text(info, "Patient_ID");
        if (id == null) {
            results.accept(rejected(where.field("Patient_ID"), "ingest.orca.noPatientId", bytes));
            return;
        }
        PatientIdentity identity = OrcaResources.identity(info, id);
        Patient patient = OrcaResources.patient(info, id, context);
        results.accept(new ParseResult.Parsed(where.at(1, "patientgetv2"), "orca:patient:" + id, null,
                ParseResult.Action.STORE, identity, patient, true, List.of(), List.of()));
        Element diseases = first(OrcaXml.child(root, "diseases"));
        if (diseases != null) {
            List<MappedResource> conditions = new ArrayList<>();
            for (Element d : OrcaXml.array(diseases, "Disease_Information")) {
                MappedResource condition = OrcaResources.condition(d);
                if (condition != null && conditions.stream().noneMatch(c -> c.sourceKey().equals(condition.sourceKey()))) {
                    conditions.add(condition);
                }
            }
            results.accept(new ParseResult.Parsed(where.at(2, "diseasegetv2"), "orca:diseases:" + id, null,
                    ParseResult.Action.STORE, identity, patient, false, conditions, List.of()));
        }
        Element medical = first(OrcaXml.child(root, "medical"));
        int visitNumber = 0;
        for (Element visit : OrcaXml.array(medical, "Medical_List_Information")) {
            visitNumber++;
            String day = OrcaXml.text(visit, "Perform_Date");
            if (OrcaResources.date(day) == null) {
                results.accept(rejected(where.at(3, "medicalgetv2").field("Perform_Date[" + visitNumber + "]"),
                        "ingest.orca.badPerformDate", bytes));
                continue;
            }
            String department = OrcaXml.text(visit, "Department_Code");
            results.accept(new ParseResult.Parsed(where.at(3, "medicalgetv2"),
                    "orca:visit:" + id + ":" + day + ":" + (department == null ? "" : department), null,
                    ParseResult.Action.STORE, identity, patient, false, OrcaResources.visit(visit, day, department),
                    List.of()));
        }
    }

    private static Element first(Element holder) {
        if (holder == null) {
            return null;
        }
        for (org.w3c.dom.Node n = holder.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static ParseResult.Rejected rejected(Location where, String code, byte[] bytes) {
        return new ParseResult.Rejected(TEXTS.problem(where, code), new String(bytes, StandardCharsets.UTF_8));
    }
}
