package org.musubi.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.testing.WebSession;

/** Sends the research application as its page does (multipart, with the page's CSRF token and an ethics PDF). */
final class ResearchForms {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final byte[] PDF = "%PDF-1.4\n% synthetic ethics approval\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private ResearchForms() {
    }

    static HttpResponse<String> apply(WebSession web, Map<String, String> fields, byte[] pdf) {
        Matcher token = CSRF.matcher(web.get("/research/apply").body());
        assertThat(token.find()).isTrue();
        String boundary = "----musubi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1) + "\r\n");
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name.replaceAll("#\\d+$", "") + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ethics\"; filename=\"ethics.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n");
        body.writeBytes(pdf);
        write(body, "\r\n--" + boundary + "--\r\n");
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/research/apply"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
