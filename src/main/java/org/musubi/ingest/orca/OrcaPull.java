package org.musubi.ingest.orca;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.SourceFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One window of days pulled from ORCA, before anything is stored: the patients registered or changed in the window
 * ({@code /api01rv2/patientlst1v2?class=01}, 新規・更新対象, test patients left out), and for each of them the patient
 * ({@code /api01rv2/patientgetv2?id=}), every disease ({@code /api01rv2/diseasegetv2?class=01} without a base month)
 * and the visits with their medical care acts in the window's months ({@code /api01rv2/medicalgetv2?class=01}). Each
 * patient becomes one file, {@code orca/<from>_<to>/<Patient_ID>.xml}, holding ORCA's three answers as they came
 * ({@code <orca_pull>}), which {@link OrcaReader} maps. Everything is pulled before the batch starts: an ORCA failure
 * on any page leaves nothing half imported, and the window is pulled again next time.
 */
final class OrcaPull {

    static final String PATIENT_LIST = "/api01rv2/patientlst1v2";
    static final String PATIENT = "/api01rv2/patientgetv2";
    static final String DISEASES = "/api01rv2/diseasegetv2";
    static final String MEDICAL = "/api01rv2/medicalgetv2";

    private OrcaPull() {
    }

    static List<IncomingFile> window(OrcaClient client, LocalDate from, LocalDate to) {
        OrcaClient.Answer list = client.post(PATIENT_LIST, "class=01", "<data><patientlst1req type=\"record\">"
                + field("Base_StartDate", from.toString()) + field("Base_EndDate", to.toString())
                + field("Contain_TestPatient_Flag", "0") + "</patientlst1req></data>");
        Set<String> ids = new LinkedHashSet<>();
        if (list.record() != null) {
            for (Element p : OrcaXml.array(list.record(), "Patient_Information")) {
                String id = OrcaXml.text(p, "Patient_ID");
                if (id != null && id.matches("[0-9A-Za-z]{1,20}")) {
                    ids.add(id);
                }
            }
        }
        List<IncomingFile> files = new ArrayList<>();
        for (String id : ids) {
            files.add(new IncomingFile(SourceFile.of("orca/" + from + "_" + to + "/" + id + ".xml",
                    patient(client, id, from, to)), null));
        }
        return files;
    }

    private static byte[] patient(OrcaClient client, String id, LocalDate from, LocalDate to) {
        Document pulled = OrcaXml.newDocument();
        Element root = pulled.createElement("orca_pull");
        root.setAttribute("patient", id);
        root.setAttribute("from", from.toString());
        root.setAttribute("to", to.toString());
        pulled.appendChild(root);
        add(pulled, root, "patient", client.get(PATIENT, "id=" + id));
        add(pulled, root, "diseases", client.post(DISEASES, "class=01", "<data><disease_inforeq type=\"record\">"
                + field("Patient_ID", id) + field("Base_Date", "") + "</disease_inforeq></data>"));
        long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        add(pulled, root, "medical", client.post(MEDICAL, "class=01", "<data><medicalgetreq type=\"record\">"
                + field("Patient_ID", id) + field("Perform_Date", YearMonth.from(from).toString())
                + field("For_Months", String.format("%02d", Math.min(months, 12))) + "</medicalgetreq></data>"));
        return OrcaXml.write(pulled);
    }

    private static void add(Document pulled, Element root, String name, OrcaClient.Answer answer) {
        Element holder = pulled.createElement(name);
        if (answer.record() != null) {
            holder.appendChild(pulled.importNode(answer.record(), true));
        }
        root.appendChild(holder);
    }

    private static String field(String name, String value) {
        return "<" + name + " type=\"string\">" + value.replace("&", "&amp;").replace("<", "&lt;") + "</" + name + ">";
    }
}
