package org.musubi.ingest.orca;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.adapter.SourceFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One window of days pulled from ORCA, before anything is stored, as ORCA's published API pages describe the calls:
 * <ol>
 * <li>the patients registered or changed in the window ({@code /api01rv2/patientlst1v2?class=01}, 新規・更新対象,
 * {@code Contain_TestPatient_Flag} 1: test patients left out; 20 is "none"; 10, more than 1,000, splits the window);</li>
 * <li>for each, the patient ({@code /api01rv2/patientgetv2?id=}: names, address, 禁忌・アレルギー, 患者禁忌薬剤情報,
 * 死亡区分; 10, a patient deleted since the list, leaves the patient out);</li>
 * <li>every disease, those ended too ({@code /api01rv2/diseasegetv2?class=01}, {@code Select_Mode} All from the window's
 * last month back; an answer with {@code Information_Overflow} True is followed by the page before its oldest month,
 * at most {@link #DISEASE_PAGES} pages; 21 is "none");</li>
 * <li>the visits of the window's months ({@code /api01rv2/medicalgetv2?class=01}, 受診履歴一覧: day, 診療科, 連番; 15 is
 * "none"), and for each visit what was done ({@code /api01rv2/medicalgetv2?class=02}, 診療行為剤内容詳細: every 剤 with
 * its drugs, procedures, materials, 用法 and comments).</li>
 * </ol>
 * Each patient becomes one file, {@code orca/<from>_<to>/<Patient_ID>.xml}, holding ORCA's answers as they came
 * ({@code <orca_pull>} with {@code <patient>}, {@code <diseases>}, {@code <visits>} and {@code <acts>}), which
 * {@link OrcaReader} maps. Everything is pulled before the batch starts: an ORCA failure on any page leaves nothing half
 * imported, and the window is pulled again next time.
 */
final class OrcaPull {

    static final String PATIENT_LIST = "/api01rv2/patientlst1v2";
    static final String PATIENT = "/api01rv2/patientgetv2";
    static final String DISEASES = "/api01rv2/diseasegetv2";
    static final String MEDICAL = "/api01rv2/medicalgetv2";
    /** The most pages of diseases pulled for one patient (200 diseases each). */
    static final int DISEASE_PAGES = 12;

    private static final OrcaClient.Codes LIST_CODES = new OrcaClient.Codes(Set.of("20"), Set.of("10"));
    private static final OrcaClient.Codes PATIENT_CODES = OrcaClient.Codes.nothing("10");
    private static final OrcaClient.Codes DISEASE_CODES = OrcaClient.Codes.nothing("21");
    private static final OrcaClient.Codes MEDICAL_CODES = OrcaClient.Codes.nothing("15");

    private OrcaPull() {
    }

    static List<IncomingFile> window(OrcaClient client, LocalDate from, LocalDate to) {
        Set<String> ids = new LinkedHashSet<>();
        patients(client, from, to, ids);
        List<IncomingFile> files = new ArrayList<>();
        for (String id : ids) {
            byte[] pulled = patient(client, id, from, to);
            if (pulled != null) {
                files.add(new IncomingFile(SourceFile.of("orca/" + from + "_" + to + "/" + id + ".xml", pulled), null));
            }
        }
        return files;
    }

    /** The patients changed from {@code from} to {@code to}; a span with more than ORCA answers is asked in halves. */
    private static void patients(OrcaClient client, LocalDate from, LocalDate to, Set<String> ids) {
        OrcaClient.Answer list = client.post(PATIENT_LIST, "class=01", "<data><patientlst1req type=\"record\">"
                + field("Base_StartDate", from.toString()) + field("Base_EndDate", to.toString())
                + field("Contain_TestPatient_Flag", "1") + "</patientlst1req></data>", LIST_CODES);
        if ("10".equals(list.result())) {
            if (from.equals(to)) {
                throw new OrcaFailure(PATIENT_LIST + ": Api_Result 10 (more than 1,000 patients changed on " + from + ")");
            }
            LocalDate middle = from.plusDays(ChronoUnit.DAYS.between(from, to) / 2);
            patients(client, from, middle, ids);
            patients(client, middle.plusDays(1), to, ids);
            return;
        }
        if (list.record() == null) {
            return;
        }
        for (Element p : OrcaXml.array(list.record(), "Patient_Information")) {
            String id = OrcaXml.text(p, "Patient_ID");
            if (id != null && id.matches("[0-9A-Za-z]{1,20}") && !"1".equals(OrcaXml.text(p, "TestPatient_Flag"))) {
                ids.add(id);
            }
        }
    }

    /** The patient's file, or null when ORCA no longer has the patient. */
    private static byte[] patient(OrcaClient client, String id, LocalDate from, LocalDate to) {
        OrcaClient.Answer patient = client.get(PATIENT, "id=" + id, PATIENT_CODES);
        if (patient.record() == null) {
            return null;
        }
        Document pulled = OrcaXml.newDocument();
        Element root = pulled.createElement("orca_pull");
        root.setAttribute("patient", id);
        root.setAttribute("from", from.toString());
        root.setAttribute("to", to.toString());
        pulled.appendChild(root);
        add(pulled, holder(pulled, root, "patient"), patient);
        diseases(client, id, YearMonth.from(to), holder(pulled, root, "diseases"));
        Element visits = holder(pulled, root, "visits");
        Element acts = holder(pulled, root, "acts");
        long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        OrcaClient.Answer list = client.post(MEDICAL, "class=01", "<data><medicalgetreq type=\"record\">"
                + field("Patient_ID", id) + field("Perform_Date", YearMonth.from(to).toString())
                + field("For_Months", String.format("%02d", Math.min(months, 12))) + "</medicalgetreq></data>",
                MEDICAL_CODES);
        add(pulled, visits, list);
        for (Map.Entry<String, String[]> visit : visits(list).entrySet()) {
            String[] v = visit.getValue();
            add(pulled, acts, client.post(MEDICAL, "class=02", "<data><medicalgetreq type=\"record\">"
                    + field("Patient_ID", id) + field("Perform_Date", v[0]) + "<Medical_Information type=\"record\">"
                    + field("Department_Code", v[1]) + field("Sequential_Number", v[2])
                    + "</Medical_Information></medicalgetreq></data>", MEDICAL_CODES));
        }
        return OrcaXml.write(pulled);
    }

    /** The diseases, page after page while ORCA says more are left ({@code Information_Overflow} True). */
    private static void diseases(OrcaClient client, String id, YearMonth base, Element holder) {
        YearMonth month = base;
        for (int page = 0; page < DISEASE_PAGES; page++) {
            OrcaClient.Answer answer = client.post(DISEASES, "class=01", "<data><disease_inforeq type=\"record\">"
                    + field("Patient_ID", id) + field("Base_Date", month.toString()) + field("Select_Mode", "All")
                    + "</disease_inforeq></data>", DISEASE_CODES);
            add(holder.getOwnerDocument(), holder, answer);
            if (answer.record() == null || !"True".equals(OrcaXml.text(answer.record(), "Information_Overflow"))) {
                return;
            }
            YearMonth oldest = null;
            for (Element d : OrcaXml.array(answer.record(), "Disease_Information")) {
                LocalDate start = OrcaReader.date(OrcaXml.text(d, "Disease_StartDate"));
                if (start != null && (oldest == null || YearMonth.from(start).isBefore(oldest))) {
                    oldest = YearMonth.from(start);
                }
            }
            if (oldest == null || !oldest.minusMonths(1).isBefore(month)) {
                return;
            }
            month = oldest.minusMonths(1);
        }
    }

    /** The visits of a 受診履歴一覧 by day, 診療科 and 連番 (one row per insurance combination, asked once). */
    private static Map<String, String[]> visits(OrcaClient.Answer list) {
        Map<String, String[]> visits = new LinkedHashMap<>();
        if (list.record() == null) {
            return visits;
        }
        for (Element v : OrcaXml.array(list.record(), "Medical_List_Information")) {
            String day = OrcaXml.text(v, "Perform_Date");
            String department = OrcaXml.text(v, "Department_Code");
            String sequence = OrcaXml.text(v, "Sequential_Number");
            if (OrcaReader.date(day) != null && department != null) {
                String[] visit = {day, department, sequence == null ? "1" : sequence};
                visits.putIfAbsent(String.join(":", visit), visit);
            }
        }
        return visits;
    }

    private static Element holder(Document pulled, Element root, String name) {
        Element holder = pulled.createElement(name);
        root.appendChild(holder);
        return holder;
    }

    private static Element add(Document pulled, Element holder, OrcaClient.Answer answer) {
        if (answer.record() != null) {
            holder.appendChild(pulled.importNode(answer.record(), true));
        }
        return holder;
    }

    private static String field(String name, String value) {
        return "<" + name + " type=\"string\">" + value.replace("&", "&amp;").replace("<", "&lt;") + "</" + name + ">";
    }
}
