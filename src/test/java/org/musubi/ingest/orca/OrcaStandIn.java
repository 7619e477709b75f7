package org.musubi.ingest.orca;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an ORCA server (日医標準レセプトソフト), written from ORCA's published API specification
 * (www.orca.med.or.jp, 日医標準レセプトソフト API: 患者番号一覧の取得 patientlst1v2, 患者基本情報の取得 patientgetv2,
 * 患者病名情報の返却 diseasegetv2, 受診履歴・診療行為の取得 medicalgetv2), because ORCA itself cannot run here (it is
 * distributed as its own server with its own database, for amd64 installations only). It serves a few synthetic
 * patients held in memory, answers xml2 ({@code <xmlio2><…res type="record">} with {@code Api_Result}) over HTTP on the
 * loopback interface with Basic authentication, and can be told to fail an API (an HTTP status or an Api_Result)
 * from its n-th call on. The medicalgetv2 answer's layout — each visit of the months asked with its acts — is this
 * stand-in's reading of the specification; docs/no-ehr.md says what must be checked against a real ORCA.
 */
final class OrcaStandIn implements AutoCloseable {

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

    /** A visit: day, department code and name, and its acts: {class, class name, times, {code, name, number, unit}…}. */
    record Visit(LocalDate day, String department, String departmentName, List<Act> acts) {
    }

    record Act(String medicalClass, String className, String times, List<String[]> items) {
    }

    private final HttpServer server;
    private final String user;
    private final String password;
    final Map<String, Patient> patients = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String failingPath;
    private volatile int failFromCall;
    private volatile String failWith;
    private final Map<String, Integer> callCounts = new ConcurrentHashMap<>();

    OrcaStandIn(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
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
                    send(exchange, 200, answer(record(path), failWith, "エラー（スタンドイン）", ""));
                }
                return;
            }
            String answer = switch (path) {
                case OrcaPull.PATIENT_LIST -> patientList(body);
                case OrcaPull.PATIENT -> patient(query == null ? "" : query.replaceFirst("^id=", ""));
                case OrcaPull.DISEASES -> diseases(value(body, "Patient_ID"));
                case OrcaPull.MEDICAL -> medical(value(body, "Patient_ID"), value(body, "Perform_Date"),
                        value(body, "For_Months"));
                default -> null;
            };
            if (answer == null) {
                send(exchange, 404, "");
            } else {
                send(exchange, 200, answer);
            }
        }
    }

    private static String record(String path) {
        return switch (path) {
            case OrcaPull.PATIENT_LIST -> "patientlst1res";
            case OrcaPull.PATIENT -> "patientinfores";
            case OrcaPull.DISEASES -> "disease_infores";
            default -> "medicalgetres";
        };
    }

    private String patientList(String body) {
        LocalDate from = LocalDate.parse(value(body, "Base_StartDate"));
        LocalDate to = LocalDate.parse(value(body, "Base_EndDate"));
        StringBuilder list = new StringBuilder();
        patients.values().stream().filter(p -> !p.updated.isBefore(from) && !p.updated.isAfter(to))
                .sorted((a, b) -> a.id.compareTo(b.id)).forEach(p -> list.append("<Patient_Information_child type=\"record\">")
                        .append(f("Patient_ID", p.id)).append(f("WholeName", p.name)).append(f("WholeName_inKana", p.kana))
                        .append(f("BirthDate", p.birth)).append(f("Sex", p.sex)).append(f("UpdateDate", p.updated.toString()))
                        .append("</Patient_Information_child>"));
        if (list.isEmpty()) {
            return answer("patientlst1res", "21", "対象がありません", "");
        }
        return answer("patientlst1res", "00", "処理終了", "<Patient_Information type=\"array\">" + list
                + "</Patient_Information>");
    }

    private String patient(String id) {
        Patient p = patients.get(id);
        if (p == null) {
            return answer("patientinfores", "10", "患者番号に該当する患者が存在しません", "");
        }
        return answer("patientinfores", "00", "処理終了", "<Patient_Information type=\"record\">" + f("Patient_ID", p.id)
                + f("WholeName", p.name) + f("WholeName_inKana", p.kana) + f("BirthDate", p.birth) + f("Sex", p.sex)
                + "<Home_Address_Information type=\"record\">" + f("Address_ZipCode", p.zip)
                + f("WholeAddress1", p.address) + f("PhoneNumber1", p.phone) + "</Home_Address_Information>"
                + "</Patient_Information>");
    }

    private String diseases(String id) {
        Patient p = patients.get(id);
        if (p == null || p.diseases.isEmpty()) {
            return answer("disease_infores", "21", "対象の病名がありません", "");
        }
        StringBuilder list = new StringBuilder();
        for (String[] d : p.diseases) {
            list.append("<Disease_Information_child type=\"record\">").append(f("Department_Code", d[6]))
                    .append(f("Disease_Name", d[1]))
                    .append("<Disease_Single type=\"array\"><Disease_Single_child type=\"record\">")
                    .append(f("Disease_Single_Code", d[0])).append(f("Disease_Single_Name", d[1]))
                    .append("</Disease_Single_child></Disease_Single>")
                    .append(f("Disease_SuspectedFlag", d[5])).append(f("Disease_StartDate", d[2]))
                    .append(f("Disease_EndDate", d[3])).append(f("Disease_OutCome", d[4]))
                    .append("</Disease_Information_child>");
        }
        return answer("disease_infores", "00", "処理終了", f("Patient_ID", id)
                + "<Disease_Information type=\"array\">" + list + "</Disease_Information>");
    }

    private String medical(String id, String performMonth, String forMonths) {
        Patient p = patients.get(id);
        YearMonth first = YearMonth.parse(performMonth);
        YearMonth last = first.plusMonths(Integer.parseInt(forMonths) - 1);
        List<Visit> visits = p == null ? List.of() : new ArrayList<>(p.visits.stream()
                .filter(v -> !YearMonth.from(v.day).isBefore(first) && !YearMonth.from(v.day).isAfter(last)).toList());
        if (visits.isEmpty()) {
            return answer("medicalgetres", "21", "対象の受診履歴がありません", "");
        }
        StringBuilder list = new StringBuilder();
        for (Visit v : visits) {
            list.append("<Medical_List_Information_child type=\"record\">").append(f("Perform_Date", v.day.toString()))
                    .append(f("Department_Code", v.department)).append(f("Department_Name", v.departmentName))
                    .append("<Medical_Information type=\"array\">");
            for (Act a : v.acts) {
                list.append("<Medical_Information_child type=\"record\">").append(f("Medical_Class", a.medicalClass))
                        .append(f("Medical_Class_Name", a.className)).append(f("Medical_Class_Number", a.times))
                        .append("<Medication_Info type=\"array\">");
                for (String[] item : a.items) {
                    list.append("<Medication_Info_child type=\"record\">").append(f("Medication_Code", item[0]))
                            .append(f("Medication_Name", item[1])).append(f("Medication_Number", item[2]))
                            .append(f("Medication_Unit", item[3])).append("</Medication_Info_child>");
                }
                list.append("</Medication_Info></Medical_Information_child>");
            }
            list.append("</Medical_Information></Medical_List_Information_child>");
        }
        return answer("medicalgetres", "00", "処理終了", f("Patient_ID", id)
                + "<Medical_List_Information type=\"array\">" + list + "</Medical_List_Information>");
    }

    private static String answer(String record, String result, String message, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xmlio2><" + record + " type=\"record\">"
                + f("Information_Date", LocalDate.now().toString()) + f("Api_Result", result)
                + f("Api_Result_Message", message) + content + "</" + record + "></xmlio2>";
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
