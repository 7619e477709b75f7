package org.musubi.web.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.FhirHttp;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.WebSession;

/**
 * Bytes that are not text in their charset are refused at the door, with 400 naming the place, and nothing is stored
 * (issue 66, item 4): a FHIR Patient whose name holds invalid UTF-8, one written in Shift_JIS but sent as UTF-8, FHIR
 * content uploaded as a Binary, a search's query string; a portal form (the help desk's question), a multipart form's
 * text field (a Box message), a page's query string. The same requests with their text in UTF-8 are taken, and what
 * they stored reads as sent.
 */
@MusubiIntegrationTest
class UndecodableRequestsIT extends NetworkFixtures {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void aFhirPatientWhoseNameIsNotUtf8IsRefusedNamingTheByteOffsetAndNothingIsStored() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        FhirHttp fhir = new FhirHttp(port, clients.token(port, clients.register(hospital, "system/*.read", "system/*.write")));
        String localId = FhirRecords.localId();
        String json = patientJson(hospital, localId, "山田@@");
        String prefix = json.substring(0, json.indexOf("@@"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        body.write(0xFF);
        body.writeBytes(json.substring(json.indexOf("@@") + 2).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = fhir.send(post("Patient", FHIR_JSON + "; charset=utf-8", body.toByteArray()));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith(FHIR_JSON);
        int offset = prefix.getBytes(StandardCharsets.UTF_8).length;
        assertThat(refused.body()).contains("\"resourceType\":\"OperationOutcome\"",
                "本文の 1 行目 " + (prefix.length() + 1) + " 文字目（先頭から " + offset + " バイトの位置）のバイト 0xFF は UTF-8 の文字として読めません",
                "the bytes 0xFF at line 1, column " + (prefix.length() + 1) + " (byte offset " + offset + ") are not valid UTF-8");
        assertNotStored(fhir, hospital, localId);

        String taken = patientJson(hospital, localId, "山田");
        HttpResponse<String> created = fhir.send(post("Patient", FHIR_JSON + "; charset=utf-8",
                taken.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> found = fhir.get("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "%7C" + localId,
                FHIR_JSON);
        Patient stored = (Patient) FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, found.body())
                .getEntryFirstRep().getResource();
        assertThat(stored.getName()).extracting(n -> n.getFamily()).contains("山田");
    }

    @Test
    void aPatientWrittenInShiftJisButSentAsUtf8IsRefusedAndSoIsFhirContentUploadedAsABinary() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        FhirHttp fhir = new FhirHttp(port, clients.token(port, clients.register(hospital, "system/*.read", "system/*.write")));
        String localId = FhirRecords.localId();
        String json = patientJson(hospital, localId, "山田");
        int firstJapanese = json.indexOf("山");

        HttpResponse<String> refused = fhir.send(post("Patient", FHIR_JSON + "; charset=utf-8", json.getBytes(SHIFT_JIS)));
        HttpResponse<String> undeclared = fhir.send(post("Patient", FHIR_JSON, json.getBytes(SHIFT_JIS)));
        HttpResponse<String> transaction = fhir.send(post("", FHIR_JSON,
                transactionOf(json).getBytes(SHIFT_JIS)));

        for (HttpResponse<String> answer : java.util.List.of(refused, undeclared, transaction)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("OperationOutcome", "0x8E は UTF-8 の文字として読めません", "are not valid UTF-8");
        }
        assertThat(refused.body()).contains("1 行目 " + (firstJapanese + 1) + " 文字目（先頭から " + firstJapanese + " バイト");
        assertNotStored(fhir, hospital, localId);

        String securityContext = "Patient?identifier=" + FhirRecords.patientSystem(hospital) + "|" + localId;
        HttpResponse<String> binary = fhir.send(post("Binary", FHIR_JSON, json.getBytes(SHIFT_JIS))
                .header("X-Security-Context", securityContext));
        byte[] pdf = ("%PDF-1.4 " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        byte[] notText = java.util.Arrays.copyOf(pdf, pdf.length + 2);
        notText[pdf.length] = (byte) 0xFF;
        notText[pdf.length + 1] = (byte) 0x8E;
        FhirRecords.registerPatient(clients.fhirFor(port, hospital, "system/*.read", "system/*.write"), hospital, localId,
                FhirRecords.uniqueKana());
        HttpResponse<String> bytes = fhir.send(post("Binary", "application/pdf", notText)
                .header("X-Security-Context", securityContext));

        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(400);
        assertThat(binary.body()).contains("内容の 1 行目", "0x8E は UTF-8 の文字として読めません");
        assertThat(bytes.statusCode()).as("a document's bytes are bytes, not text: " + bytes.body()).isEqualTo(201);
    }

    @Test
    void aFhirSearchWhoseQueryIsNotUtf8IsRefusedNamingTheParameter() {
        Facility hospital = accounts.facilityOf(FacilityKind.HOSPITAL);
        FhirHttp fhir = new FhirHttp(port, clients.token(port, clients.register(hospital, "system/*.read")));

        HttpResponse<String> refused = fhir.get("Patient?family=%8ER%93c", FHIR_JSON);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("OperationOutcome",
                "URL のクエリー文字列の項目「family」の 1 行目 1 文字目（値の先頭から 0 バイトの位置）のバイト 0x8E は UTF-8 の文字として読めません",
                "In the URL's query string, field \\\"family\\\": the bytes 0x8E at line 1, column 1 (byte offset 0 of its value)");
    }

    @Test
    void aPortalFormFieldThatIsNotUtf8IsRefusedWithAReadablePageAndNothingIsStored() {
        User nurse = accounts.memberOf(accounts.facilityOf(FacilityKind.CLINIC), Profession.NURSE);
        WebSession web = accounts.signedIn(port, nurse);
        web.get("/portal/help/ask?category=OTHER");
        String before = questions(nurse);
        byte[] subject = concat("RE: ".getBytes(StandardCharsets.US_ASCII), "至急".getBytes(SHIFT_JIS));

        HttpResponse<String> refused = web.send(form(web, "/portal/help/ask", "category=OTHER&subject=" + percent(subject)
                + "&text=" + percent("確認してください".getBytes(StandardCharsets.UTF_8)) + "&_csrf=" + web.csrf()));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body()).contains("<h1>読めない文字が含まれています / The request holds characters that cannot be read</h1>",
                "フォームの項目「subject」の 1 行目 5 文字目（値の先頭から 4 バイトの位置）のバイト 0x8E は UTF-8 の文字として読めません。",
                "In the form, field &quot;subject&quot;: the bytes 0x8E at line 1, column 5 (byte offset 4 of its value) are not valid UTF-8.");
        assertThat(questions(nurse)).as("nothing stored").isEqualTo(before);

        HttpResponse<String> asked = web.send(form(web, "/portal/help/ask", "category=OTHER&subject="
                + percent("RE: 至急".getBytes(StandardCharsets.UTF_8)) + "&text="
                + percent("確認してください".getBytes(StandardCharsets.UTF_8)) + "&_csrf=" + web.csrf()));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT subject FROM helpdesk_question WHERE asked_by = ? ORDER BY id DESC LIMIT 1")
                .param(nurse.id()).query(String.class).single()).isEqualTo("RE: 至急");

        HttpResponse<String> page = web.get("/portal/help?from=%82%A0");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("URL のクエリー文字列の項目「from」の 1 行目 1 文字目", "バイト 0x82 は UTF-8");
    }

    @Test
    void aMultipartFormsTextFieldThatIsNotUtf8IsRefusedAndNoFileIsSent() {
        Facility clinic = accounts.facilityOf(FacilityKind.CLINIC);
        User sender = accounts.memberOf(clinic, Profession.DOCTOR);
        User recipient = accounts.memberOf(clinic, Profession.NURSE);
        WebSession web = accounts.signedIn(port, sender);
        web.get("/portal/box/new");
        String boundary = "----musubi" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", web.csrf().getBytes(StandardCharsets.US_ASCII));
        part(body, boundary, "user", String.valueOf(recipient.id()).getBytes(StandardCharsets.US_ASCII));
        part(body, boundary, "message", "検査結果です".getBytes(SHIFT_JIS));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"result.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {'%', 'P', 'D', 'F', (byte) 0xFF, (byte) 0x8E});
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> refused = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/portal/box"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("フォーム（マルチパート）の項目「message」の 1 行目 1 文字目（値の先頭から 0 バイトの位置）のバイト 0x8C",
                "In the multipart form, field &quot;message&quot;");
        assertThat(jdbc.sql("SELECT count(*) FROM box_file WHERE sender_user = ?").param(sender.id()).query(Long.class)
                .single()).as("nothing sent").isZero();
    }

    private void assertNotStored(FhirHttp fhir, Facility hospital, String localId) {
        HttpResponse<String> search = fhir.get("Patient?identifier=" + FhirRecords.patientSystem(hospital) + "%7C" + localId,
                FHIR_JSON);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, search.body()).getEntry())
                .as("nothing stored").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE content::text LIKE ?").param("%" + localId + "%")
                .query(Long.class).single()).isZero();
    }

    private String questions(User user) {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(id), 0) FROM helpdesk_question WHERE asked_by = ?")
                .param(user.id()).query(String.class).single();
    }

    private static String patientJson(Facility facility, String localId, String familyKanji) {
        Patient patient = FhirRecords.withKanjiName(FhirRecords.newPatient(facility, localId, "ヤマダ"), familyKanji, "花子");
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(patient);
    }

    private static String transactionOf(String patientJson) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + patientJson
                + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}";
    }

    private HttpRequest.Builder post(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path)).header("Accept", FHIR_JSON)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A form body as written (percent-escaped bytes), posted as a browser posts it. */
    private static HttpRequest.Builder form(WebSession web, String path, String body) {
        return HttpRequest.newBuilder(URI.create(web.base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, byte[] value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String percent(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
