package org.musubi.ingest.orca;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an ORCA server (日医標準レセプトソフト), because ORCA itself cannot run here (it is its own server with its
 * own database, for amd64 installations only). It answers the four APIs the connector calls as ORCA's published API
 * pages (www.orca.med.or.jp, 日医標準レセプトソフト API) document them — the request each takes, the answer's layout
 * ({@code <xmlio2><…res type="record">}, arrays as {@code <X type="array"><X_child type="record">}) and each API's own
 * {@code Api_Result} codes:
 * <ul>
 * <li>患者番号一覧の取得 {@code patientlst1v2?class=01}: {@code Contain_TestPatient_Flag} required (02 otherwise), 1
 * leaving test patients out; 20 when none; 10 when more than {@link #listCap} (ORCA: 1,000);</li>
 * <li>患者基本情報の取得 {@code patientgetv2?id=}: 10 for an unknown patient;</li>
 * <li>患者病名情報の返却 {@code diseasegetv2?class=01}: without {@code Select_Mode} All only the diseases valid in the
 * {@code Base_Date} month, with it every disease from that month back, newest first, at most {@link #diseaseCap}
 * (ORCA: 200) up to a whole month, {@code Information_Overflow} True when more are left; 21 when none;</li>
 * <li>診療情報の返却 {@code medicalgetv2}: class=01 the visits of {@code Perform_Date}'s month and the {@code For_Months}
 * − 1 before it (受診履歴一覧, {@code medicalget01res}); class=02 what was done at one visit (診療行為剤内容詳細,
 * {@code medicalget02res}, {@code Department_Code} required: 02); 15 when none.</li>
 * </ul>
 * Patients are synthetic: either built in memory ({@link Patient}), or a fixture patient whose answers are the files
 * under {@code src/test/resources/orca/<id>/} ({@link #addFixture}), written in ORCA's documented answer shapes with
 * days relative to the stand-in's {@code today} ({@code ${today}}, {@code ${today-2}}, {@code ${month}}). It serves
 * them over HTTP on the loopback interface with Basic authentication, records every call and request body, and can be
 * told to fail an API (an HTTP status or an {@code Api_Result}) from its n-th call on.
 */
final class OrcaStandIn implements AutoCloseable {

    /** A client of the connector's kind that may reach the stand-in: the operator allows loopback's 127.0.0.1 only. */
    static java.net.http.HttpClient http() {
        return OrcaClient.http(new org.musubi.outbound.Outbound(
                org.musubi.outbound.OutboundRules.of(java.util.List.of("127.0.0.1")), java.net.InetAddress::getAllByName));
    }


    /** A synthetic patient; {@code updated} is the day ORCA's patient table says it was registered or changed. */
    static final class Patient {
        final String id;
        String name;
        String kana;
        String sex;
        String birth;
        String zip;
        String address;
        String phone;
        boolean test;
        LocalDate updated;
        final List<String[]> diseases = new CopyOnWriteArrayList<>();
        final List<Visit> visits = new CopyOnWriteArrayList<>();

        Patient(String id, String name, String kana, String sex, String birth, LocalDate updated) {
            this.id = id;
            this.name = name;
            this.kana = kana;
            this.sex = sex;
            this.birth = birth;
            this.updated = updated;
        }

        /** code, name, start, end, outcome, suspected flag, department */
        Patient disease(String... fields) {
            diseases.add(fields);
            return this;
        }
    }

    /** A visit: day, department code and name, its 連番 (1 unless said), and its 剤. */
    record Visit(LocalDate day, String department, String departmentName, int sequence, List<Act> acts) {
        Visit(LocalDate day, String department, String departmentName, List<Act> acts) {
            this(day, department, departmentName, 1, acts);
        }
    }

    /** A 剤: 診療種別区分 and its name, 回数, and its items {code, name, Medication_Number, unit name, unit code}. */
    record Act(String medicalClass, String className, String times, List<String[]> items) {
    }

    /** A patient whose answers are fixture files. */
    private record Fixture(String id, LocalDate updated) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\$\\{(today|month)(?:-([0-9]+))?}");

    private final HttpServer server;
    private final String user;
    private final String password;
    private final LocalDate today;
    final Map<String, Patient> patients = new ConcurrentHashMap<>();
    private final Map<String, Fixture> fixtures = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The most patients patientlst1v2 lists before answering 10. */
    volatile int listCap = 1000;
    /** The most diseases one diseasegetv2 answer holds. */
    volatile int diseaseCap = 200;
    private volatile String failingPath;
    private volatile int failFromCall;
    private volatile String failWith;
    private final Map<String, Integer> callCounts = new ConcurrentHashMap<>();

    OrcaStandIn(String user, String password) throws IOException {
        this(user, password, LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
    }

    OrcaStandIn(String user, String password, LocalDate today) throws IOException {
        this.user = user;
        this.password = password;
        this.today = today;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api01rv2/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Patient add(Patient p) {
        patients.put(p.id, p);
        return p;
    }

    /** Serves the fixture patient {@code orca/<id>/} (patientgetv2, diseasegetv2, medicalgetv2-01, -02-n), changed on {@code updated}. */
    void addFixture(String id, LocalDate updated) {
        fixtures.put(id, new Fixture(id, updated));
    }

    /** A fixture file of {@code id} as this stand-in serves it, its days filled in; null when there is none. */
    String fixture(String id, String file) {
        try (InputStream in = OrcaStandIn.class.getResourceAsStream("/orca/" + id + "/" + file)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = TOKEN.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int back = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                String value = m.group(1).equals("today") ? today.minusDays(back).toString()
                        : YearMonth.from(today).minusMonths(back).toString();
                m.appendReplacement(out, value);
            }
            m.appendTail(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From the {@code fromCall}-th call of {@code path} on, answer {@code with}: {@code "HTTP 500"} or an Api_Result
     * code. Null path: never fail.
     */
    void fail(String path, int fromCall, String with) {
        callCounts.clear();
        failingPath = path;
        failFromCall = fromCall;
        failWith = with;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(path + (query == null ? "" : "?" + query));
            bodies.add(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(auth));
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                send(exchange, 401, "");
                return;
            }
            int n = callCounts.merge(path, 1, Integer::sum);
            if (path.equals(failingPath) && n >= failFromCall) {
                if (failWith.startsWith("HTTP ")) {
                    send(exchange, Integer.parseInt(failWith.substring(5)), "");
                } else {
                    send(exchange, 200, answer(record(path, query), failWith, "エラー（スタンドイン）", ""));
                }
                return;
            }
            String answer = switch (path) {
                case OrcaPull.PATIENT_LIST -> patientList(body);
                case OrcaPull.PATIENT -> patient(query == null ? "" : query.replaceFirst("^id=", ""));
                case OrcaPull.DISEASES -> diseases(value(body, "Patient_ID"), value(body, "Base_Date"),
                        value(body, "Select_Mode"));
                case OrcaPull.MEDICAL -> "class=02".equals(query) ? visit(body) : visits(body);
                default -> null;
            };
            if (answer == null) {
                send(exchange, 404, "");
            } else {
                send(exchange, 200, answer);
            }
        }
    }

    private static String record(String path, String query) {
        return switch (path) {
            case OrcaPull.PATIENT_LIST -> "patientlst1res";
            case OrcaPull.PATIENT -> "patientinfores";
            case OrcaPull.DISEASES -> "disease_infores";
            default -> "class=02".equals(query) ? "medicalget02res" : "medicalget01res";
        };
    }

    private String patientList(String body) {
        String testFlag = value(body, "Contain_TestPatient_Flag");
        if (testFlag.isEmpty()) {
            return answer("patientlst1res", "02", "テスト患者区分がありません", "");
        }
        LocalDate from = LocalDate.parse(value(body, "Base_StartDate"));
        LocalDate to = value(body, "Base_EndDate").isEmpty() ? LocalDate.MAX : LocalDate.parse(value(body, "Base_EndDate"));
        List<String[]> listed = new ArrayList<>();
        for (Patient p : patients.values()) {
            if (!p.updated.isBefore(from) && !p.updated.isAfter(to) && !(p.test && testFlag.equals("1"))) {
                listed.add(new String[] {p.id, p.name, p.kana, p.birth, p.sex, p.updated.toString(), p.test ? "1" : "0"});
            }
        }
        for (Fixture f : fixtures.values()) {
            if (!f.updated.isBefore(from) && !f.updated.isAfter(to)) {
                listed.add(new String[] {f.id, value(fixture(f.id, "patientgetv2.xml"), "WholeName"),
                        value(fixture(f.id, "patientgetv2.xml"), "WholeName_inKana"),
                        value(fixture(f.id, "patientgetv2.xml"), "BirthDate"), value(fixture(f.id, "patientgetv2.xml"), "Sex"),
                        f.updated.toString(), "0"});
            }
        }
        if (listed.isEmpty()) {
            return answer("patientlst1res", "20", "該当患者がありません", "");
        }
        if (listed.size() > listCap) {
            return answer("patientlst1res", "10", "該当患者が１０００件以上となります", "");
        }
        listed.sort(Comparator.comparing(p -> p[0]));
        StringBuilder list = new StringBuilder();
        for (String[] p : listed) {
            list.append("<Patient_Information_child type=\"record\">").append(f("Patient_ID", p[0]))
                    .append(f("WholeName", p[1])).append(f("WholeName_inKana", p[2])).append(f("BirthDate", p[3]))
                    .append(f("Sex", p[4])).append(f("CreateDate", "2019-04-01")).append(f("UpdateDate", p[5]))
                    .append(f("TestPatient_Flag", p[6])).append("</Patient_Information_child>");
        }
        return answer("patientlst1res", "00", "処理終了", f("Target_Patient_Count", String.format("%04d", listed.size()))
                + "<Patient_Information type=\"array\">" + list + "</Patient_Information>");
    }

    private String patient(String id) {
        if (fixtures.containsKey(id)) {
            return fixture(id, "patientgetv2.xml");
        }
        Patient p = patients.get(id);
        if (p == null) {
            return answer("patientinfores", "10", "患者番号に該当する患者が存在しません", "");
        }
        return answer("patientinfores", "00", "処理終了", "<Patient_Information type=\"record\">" + f("Patient_ID", p.id)
                + f("WholeName", p.name) + f("WholeName_inKana", p.kana) + f("BirthDate", p.birth) + f("Sex", p.sex)
                + "<Home_Address_Information type=\"record\">" + f("Address_ZipCode", p.zip)
                + f("WholeAddress1", p.address) + f("PhoneNumber1", p.phone) + "</Home_Address_Information>"
                + f("TestPatient_Flag", p.test ? "1" : "0") + "</Patient_Information>");
    }

    private String diseases(String id, String baseDate, String selectMode) {
        if (fixtures.containsKey(id)) {
            return fixture(id, "diseasegetv2.xml");
        }
        Patient p = patients.get(id);
        if (p == null) {
            return answer("disease_infores", "10", "患者番号に該当する患者が存在しません", "");
        }
        YearMonth base = baseDate.isEmpty() ? YearMonth.from(today) : YearMonth.parse(baseDate.substring(0, 7));
        boolean all = selectMode.equals("All");
        List<String[]> chosen = new ArrayList<>();
        for (String[] d : p.diseases) {
            YearMonth start = YearMonth.parse(d[2].substring(0, 7));
            boolean valid = !start.isAfter(base) && (d[3].isEmpty() || !YearMonth.parse(d[3].substring(0, 7)).isBefore(base));
            if (all ? !start.isAfter(base) : valid) {
                chosen.add(d);
            }
        }
        if (chosen.isEmpty()) {
            return answer("disease_infores", "21", "対象病名がありません", "");
        }
        chosen.sort(Comparator.comparing((String[] d) -> d[2]).reversed());
        boolean overflow = false;
        if (chosen.size() > diseaseCap) {
            YearMonth cut = YearMonth.parse(chosen.get(diseaseCap)[2].substring(0, 7));
            chosen = new ArrayList<>(chosen.stream().filter(d -> YearMonth.parse(d[2].substring(0, 7)).isAfter(cut)).toList());
            overflow = true;
        }
        StringBuilder list = new StringBuilder();
        for (String[] d : chosen) {
            list.append("<Disease_Information_child type=\"record\">").append(f("Department_Code", d[6]))
                    .append(f("Disease_Name", d[1]))
                    .append("<Disease_Single type=\"array\"><Disease_Single_child type=\"record\">")
                    .append(f("Disease_Single_Code", d[0])).append(f("Disease_Single_Name", d[1]))
                    .append("</Disease_Single_child></Disease_Single>")
                    .append(f("Disease_SuspectedFlag", d[5])).append(f("Disease_StartDate", d[2]))
                    .append(f("Disease_EndDate", d[3])).append(f("Disease_OutCome", d[4]))
                    .append("</Disease_Information_child>");
        }
        return answer("disease_infores", "00", "処理終了", f("Information_Overflow", overflow ? "True" : "False")
                + "<Disease_Infores type=\"record\">" + f("Patient_ID", id) + "</Disease_Infores>"
                + f("Base_Date", base.toString()) + "<Disease_Information type=\"array\">" + list + "</Disease_Information>");
    }

    /** class=01: the visits of the months asked (Perform_Date's month and For_Months − 1 before it). */
    private String visits(String body) {
        String id = value(body, "Patient_ID");
        YearMonth last = YearMonth.parse(value(body, "Perform_Date").substring(0, 7));
        int months = value(body, "For_Months").isEmpty() ? 1 : Integer.parseInt(value(body, "For_Months"));
        if (months > 12 && months != 99) {
            return answer("medicalget01res", "16", "月数は０〜１２、９９を設定して下さい", "");
        }
        YearMonth first = last.minusMonths(Math.max(months, 1) - 1);
        if (fixtures.containsKey(id)) {
            String answer = fixture(id, "medicalgetv2-01.xml");
            Matcher m = Pattern.compile("<Perform_Date type=\"string\">([0-9-]{10})</Perform_Date>").matcher(answer);
            while (m.find()) {
                YearMonth month = YearMonth.parse(m.group(1).substring(0, 7));
                if (!month.isBefore(first) && !month.isAfter(last)) {
                    return answer;
                }
            }
            return answer("medicalget01res", "15", "対象がありません", "");
        }
        Patient p = patients.get(id);
        List<Visit> visits = p == null ? List.of() : p.visits.stream()
                .filter(v -> !YearMonth.from(v.day).isBefore(first) && !YearMonth.from(v.day).isAfter(last))
                .sorted(Comparator.comparing(Visit::day).reversed()).toList();
        if (visits.isEmpty()) {
            return answer("medicalget01res", "15", "対象がありません", "");
        }
        StringBuilder list = new StringBuilder();
        for (Visit v : visits) {
            list.append("<Medical_List_Information_child type=\"record\">").append(f("Perform_Date", v.day.toString()))
                    .append(f("Department_Code", v.department)).append(f("Department_Name", v.departmentName))
                    .append(f("Sequential_Number", String.valueOf(v.sequence)))
                    .append(f("Insurance_Combination_Number", "0001")).append("</Medical_List_Information_child>");
        }
        return answer("medicalget01res", "00", "処理終了", patientInformation(p) + "<Medical_List_Information type=\"array\">"
                + list + "</Medical_List_Information>");
    }

    /** class=02: one visit's 剤 (day, Department_Code, Sequential_Number 1 unless given). */
    private String visit(String body) {
        String id = value(body, "Patient_ID");
        String day = value(body, "Perform_Date");
        String department = value(body, "Department_Code");
        String sequence = value(body, "Sequential_Number").isEmpty() ? "1" : value(body, "Sequential_Number");
        if (department.isEmpty()) {
            return answer("medicalget02res", "02", "診療科の設定がありません", "");
        }
        if (fixtures.containsKey(id)) {
            for (int n = 1; n < 20; n++) {
                String answer = fixture(id, "medicalgetv2-02-" + n + ".xml");
                if (answer != null && value(answer, "Perform_Date").equals(day)
                        && value(answer, "Department_Code").equals(department)
                        && value(answer, "Sequential_Number").equals(sequence)) {
                    return answer;
                }
            }
            return answer("medicalget02res", "15", "対象がありません", "");
        }
        Patient p = patients.get(id);
        Visit v = p == null ? null : p.visits.stream().filter(x -> x.day.toString().equals(day)
                && x.department.equals(department) && String.valueOf(x.sequence).equals(sequence)).findFirst().orElse(null);
        if (v == null) {
            return answer("medicalget02res", "15", "対象がありません", "");
        }
        StringBuilder acts = new StringBuilder();
        for (Act a : v.acts) {
            acts.append("<Medical_Information_child type=\"record\">").append(f("Medical_Class", a.medicalClass))
                    .append(f("Medical_Class_Name", a.className)).append(f("Medical_Class_Number", a.times))
                    .append("<Medication_info type=\"array\">");
            for (String[] item : a.items) {
                acts.append("<Medication_info_child type=\"record\">").append(f("Medication_Code", item[0]))
                        .append(f("Medication_Name", item[1])).append(f("Medication_Number", item[2]));
                if (item.length > 4 && !item[4].isEmpty()) {
                    acts.append(f("Unit_Code", item[4]));
                }
                if (item.length > 3 && !item[3].isEmpty()) {
                    acts.append(f("Unit_Code_Name", item[3]));
                }
                acts.append("</Medication_info_child>");
            }
            acts.append("</Medication_info></Medical_Information_child>");
        }
        return answer("medicalget02res", "00", "処理終了", patientInformation(p) + f("Perform_Date", day)
                + f("Department_Code", v.department) + f("Department_Name", v.departmentName)
                + f("Sequential_Number", sequence) + "<Medical_List_Information type=\"array\">"
                + "<Medical_List_Information_child type=\"record\">" + f("Insurance_Combination_Number", "0001")
                + "<Medical_Information type=\"array\">" + acts + "</Medical_Information>"
                + "</Medical_List_Information_child></Medical_List_Information>");
    }

    private static String patientInformation(Patient p) {
        return "<Patient_Information type=\"record\">" + f("Patient_ID", p.id) + f("WholeName", p.name)
                + f("WholeName_inKana", p.kana) + f("BirthDate", p.birth) + f("Sex", p.sex) + "</Patient_Information>";
    }

    private String answer(String record, String result, String message, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xmlio2><" + record + " type=\"record\">"
                + f("Information_Date", today.toString()) + f("Information_Time", "09:00:00") + f("Api_Result", result)
                + f("Api_Result_Message", message) + f("Reskey", "Medical Info") + content + "</" + record + "></xmlio2>";
    }

    private static String f(String name, String value) {
        return "<" + name + " type=\"string\">" + (value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;"))
                + "</" + name + ">";
    }

    private static String value(String body, String name) {
        Matcher m = Pattern.compile("<" + name + "[^>]*>([^<]*)</" + name + ">").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
