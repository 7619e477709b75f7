package org.musubi.secretariat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.testing.WebSession;

/**
 * An applicant on the public pages, for the integration and attack tests: the form's fields for a clinic (two users:
 * a doctor who administers the facility and a nurse), posted as the page posts them (multipart, with files), and the
 * receipt's reference number and secret read back.
 */
public final class Applicants {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">([A-Z2-7-]+)<");
    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7-]+)<");

    private Applicants() {
    }

    /** A file to upload: its field's file name, content type as the browser says it, and bytes. */
    public record File(String name, String type, byte[] bytes) {
    }

    public record Receipt(String reference, String secret) {

        /** As stored: without the groups' hyphens. */
        public String plainReference() {
            return reference.replace("-", "");
        }
    }

    /** A clinic's complete application with this code and name: field names and values in order. */
    public static List<Map.Entry<String, String>> clinic(String code, String name) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        add(fields, "kind", "CLINIC", "nameKanji", name, "nameKana", "シケンクリニック", "code", code, "prefecture", "34",
                "municipality", "呉市", "address", "呉市中央1-2-3", "phone", "0823-11-2222", "beds", "0",
                "disclosing", "true", "viewing", "true", "acceptedCards", "REGIONAL", "acceptedCards", "MY_NUMBER",
                "contactName", "申請 花子", "contactPhone", "0823-11-2223", "contactEmail", "office@example.jp",
                "userNameKanji", "試験 院長", "userNameKana", "シケン インチョウ", "userProfession", "DOCTOR",
                "userAdmin", "0",
                "userNameKanji", "試験 看護", "userNameKana", "シケン カンゴ", "userProfession", "NURSE");
        return fields;
    }

    /** The fields with {@code name} replaced by {@code value} (every occurrence; added when absent). */
    public static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name,
                                                       String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>();
        boolean seen = false;
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equals(name)) {
                if (!seen) {
                    changed.add(Map.entry(name, value));
                }
                seen = true;
            } else {
                changed.add(field);
            }
        }
        if (!seen) {
            changed.add(Map.entry(name, value));
        }
        return changed;
    }

    /** Opens {@code page} (for its CSRF token) and posts the fields and files to {@code action} as the page would. */
    public static HttpResponse<String> post(WebSession web, String page, String action,
                                            List<Map.Entry<String, String>> fields, File... files) {
        HttpResponse<String> opened = web.get(page);
        Matcher token = CSRF.matcher(opened.body());
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        return postWithToken(web, token.group(1), action, fields, files);
    }

    public static HttpResponse<String> postWithToken(WebSession web, String token, String action,
                                                     List<Map.Entry<String, String>> fields, File... files) {
        String boundary = "----musubi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n");
        for (Map.Entry<String, String> field : fields) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n");
        }
        for (File file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"documents\"; filename=\""
                    + file.name() + "\"\r\nContent-Type: " + file.type() + "\r\n\r\n");
            body.writeBytes(file.bytes());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Applies on /apply and reads the receipt. */
    public static Receipt apply(WebSession web, List<Map.Entry<String, String>> fields, File... files) {
        HttpResponse<String> answer = post(web, "/apply", "/apply", fields, files);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return receipt(answer.body());
    }

    public static Receipt receipt(String body) {
        Matcher reference = REFERENCE.matcher(body);
        Matcher secret = SECRET.matcher(body);
        assertThat(reference.find() && secret.find()).as("a receipt: " + body).isTrue();
        return new Receipt(reference.group(1), secret.group(1));
    }

    /** The status page for this pair (posted from the look-up page). */
    public static HttpResponse<String> status(WebSession web, String reference, String secret) {
        web.get("/apply/status");
        return web.post("/apply/status", "reference", reference, "secret", secret);
    }

    private static void add(List<Map.Entry<String, String>> fields, String... nameValues) {
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
