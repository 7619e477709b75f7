package org.musubi.phr.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.testing.WebSession;

/** What a resident's browser sends to the vitals pages: the quick-entry form, a CSV upload, the CSV download. */
public final class VitalsForms {

    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private VitalsForms() {
    }

    /** The form's date-time {@code minutes} ago in Japan ({@code 2026-11-24T08:30}). */
    public static String ago(long minutes) {
        return LocalDateTime.now(VitalsEntry.JAPAN).minusMinutes(minutes).format(FORM);
    }

    /** Posts the quick-entry form (after opening the notebook's home, which reads nothing, for a fresh CSRF token). */
    public static HttpResponse<String> save(WebSession web, String when, String... values) {
        web.get("/phr");
        List<String> form = new ArrayList<>(List.of("when", when));
        form.addAll(List.of(values));
        return web.post("/phr/vitals", form.toArray(String[]::new));
    }

    /** Uploads a CSV file as the import form does (multipart, with the CSRF token of the notebook's home). */
    public static HttpResponse<String> upload(WebSession web, String path, String csv) {
        Matcher token = CSRF.matcher(web.get("/phr").body());
        assertThat(token.find()).isTrue();
        String boundary = "----musubi" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vitals.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Downloads the CSV as a browser following the page's link does. */
    public static HttpResponse<String> export(WebSession web) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/phr/vitals.csv")).GET()
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
    }
}
