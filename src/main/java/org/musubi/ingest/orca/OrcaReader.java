package org.musubi.ingest.orca;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.PatientIdentity;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.w3c.dom.Element;

/**
 * Reads one patient's file of an ORCA pull ({@link OrcaPull}: ORCA's patientgetv2, diseasegetv2, medicalgetv2 class=01
 * and class=02 answers as they came) as records:
 * <ul>
 * <li>the patient ({@code orca:patient:<Patient_ID>}, ORCA's patient information, so it replaces what was stored), with
 * the contraindicated drugs, contraindications, allergies and infections ORCA's 患者登録 holds
 * ({@link OrcaPatients#safety}): the whole set each time, so one removed in ORCA is removed here;</li>
 * <li>the disease list ({@code orca:diseases:<Patient_ID>}: every disease, ended ones too, each time, so a disease deleted
 * in ORCA is deleted here — an empty list too);</li>
 * <li>each visit ({@code orca:visit:<Patient_ID>:<day>:<診療科>}, {@code :<連番>} after it for a second visit of the day)
 * with what was done at it ({@link OrcaVisits}).</li>
 * </ul>
 * Records have no version: a record pulled again with the same content changes nothing, with other content replaces what
 * it stored, so pulling a window twice never duplicates. The local patient ID is ORCA's 患者番号. What is stored other
 * than as ORCA sent it, or not at all, is a warning naming the value ({@link OrcaWarnings}).
 */
public final class OrcaReader implements SourceReader {

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
        Element answer = first(OrcaXml.child(root, "patient"));
        Element info = OrcaXml.child(answer, "Patient_Information");
        String id = OrcaXml.text(info, "Patient_ID");
        if (id == null) {
            results.accept(rejected(where.field("Patient_ID"), "ingest.orca.noPatientId", bytes));
            return;
        }
        PatientIdentity identity = OrcaPatients.identity(info, id);
        Patient patient = OrcaPatients.patient(info, id, context);
        Location patientAt = where.at(1, "patientgetv2");
        OrcaWarnings patientWarnings = new OrcaWarnings(patientAt);
        List<MappedResource> safety = OrcaPatients.safety(info, date(OrcaXml.text(answer, "Information_Date")),
                patientWarnings);
        results.accept(new ParseResult.Parsed(patientAt, "orca:patient:" + id, null, ParseResult.Action.STORE, identity,
                patient, true, safety, patientWarnings.problems()));
        Element diseases = OrcaXml.child(root, "diseases");
        if (diseases != null) {
            Location at = where.at(2, "diseasegetv2");
            OrcaWarnings warnings = new OrcaWarnings(at);
            results.accept(new ParseResult.Parsed(at, "orca:diseases:" + id, null, ParseResult.Action.STORE, identity,
                    patient, false, conditions(diseases, warnings), warnings.problems()));
        }
        visits(root, id, identity, patient, where, bytes, context, results);
    }

    private static List<MappedResource> conditions(Element diseases, OrcaWarnings warnings) {
        List<MappedResource> conditions = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        int n = 0;
        Element last = null;
        for (Element page : OrcaXml.children(diseases, "disease_infores")) {
            last = page;
            for (Element d : OrcaXml.array(page, "Disease_Information")) {
                n++;
                Condition condition = OrcaDiseases.condition(d, "Disease_Information[" + n + "]", warnings);
                if (condition != null) {
                    String key = OrcaDiseases.key(d);
                    int seen = keys.merge(key, 1, Integer::sum);
                    conditions.add(new MappedResource(seen == 1 ? key : key + "#" + seen, condition));
                }
            }
        }
        if (last != null && "True".equals(OrcaXml.text(last, "Information_Overflow"))) {
            warnings.add("Information_Overflow", "diseaseOverflow", OrcaPull.DISEASE_PAGES * 200, conditions.size());
        }
        return conditions;
    }

    /** Each visit of the 受診履歴 with its class=02 details; a visit whose day is not a date is rejected alone. */
    private static void visits(Element root, String id, PatientIdentity identity, Patient patient, Location where,
                               byte[] bytes, MappingContext context, Consumer<ParseResult> results) {
        Map<String, List<Element>> details = new HashMap<>();
        for (Element answer : OrcaXml.children(OrcaXml.child(root, "acts"), "medicalget02res")) {
            details.computeIfAbsent(visitKey(OrcaXml.text(answer, "Perform_Date"), OrcaXml.text(answer, "Department_Code"),
                    OrcaXml.text(answer, "Sequential_Number")), k -> new ArrayList<>()).add(answer);
        }
        Location at = where.at(3, "medicalgetv2");
        Map<String, Element> rows = new LinkedHashMap<>();
        int n = 0;
        for (Element list : OrcaXml.children(OrcaXml.child(root, "visits"), "medicalget01res")) {
            for (Element row : OrcaXml.array(list, "Medical_List_Information")) {
                n++;
                String day = OrcaXml.text(row, "Perform_Date");
                if (day == null && OrcaXml.text(row, "Department_Code") == null) {
                    continue;
                }
                if (date(day) == null) {
                    results.accept(rejected(at.field("Medical_List_Information[" + n + "].Perform_Date"),
                            "ingest.orca.badPerformDate", bytes));
                    continue;
                }
                rows.putIfAbsent(visitKey(day, OrcaXml.text(row, "Department_Code"), OrcaXml.text(row, "Sequential_Number")),
                        row);
            }
        }
        for (Map.Entry<String, Element> visit : rows.entrySet()) {
            Element row = visit.getValue();
            String day = OrcaXml.text(row, "Perform_Date");
            String department = OrcaXml.text(row, "Department_Code");
            String sequence = OrcaXml.text(row, "Sequential_Number");
            String suffix = day + ":" + (department == null ? "" : department)
                    + (sequence == null || sequence.equals("1") ? "" : ":" + sequence);
            OrcaWarnings warnings = new OrcaWarnings(at);
            List<MappedResource> resources = OrcaVisits.visit(row, day, department,
                    details.getOrDefault(visit.getKey(), List.of()), "visit:" + suffix, context,
                    "visit[" + suffix + "]", warnings);
            results.accept(new ParseResult.Parsed(at, "orca:visit:" + id + ":" + suffix, null, ParseResult.Action.STORE,
                    identity, patient, false, resources, warnings.problems()));
        }
    }

    private static String visitKey(String day, String department, String sequence) {
        return day + ":" + (department == null ? "" : department) + ":" + (sequence == null ? "1" : sequence);
    }

    /** A day ORCA wrote ({@code yyyy-MM-dd}), or null when it is not one. */
    static java.time.LocalDate date(String text) {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
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
        return new ParseResult.Rejected(OrcaWarnings.TEXTS.problem(where, code), new String(bytes, StandardCharsets.UTF_8));
    }
}
