package org.musubi.phr.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.testing.WebSession;

/**
 * Sends the paper-result form as its page does: multipart, with the page's CSRF token, fields and a photo; and any other
 * photo form the same way ({@link #multipart}, e.g. a care team's photo).
 */
public final class PaperForms {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PaperForms() {
    }

    /** Posts {@code nameValues} and, when {@code bytes} is not null, the photo {@code fileName} of {@code type}. */
    public static HttpResponse<String> post(WebSession web, String fileName, String type, byte[] bytes,
                                            String... nameValues) {
        Matcher token = CSRF.matcher(web.get("/phr/checkups/paper").body());
        assertThat(token.find()).isTrue();
        return multipart(web, "/phr/checkups/paper", token.group(1), fileName, type, bytes, nameValues);
    }

    /**
     * Posts a multipart form to {@code action} as a page would: the CSRF token {@code csrf}, {@code nameValues} and,
     * when {@code bytes} is not null, the file {@code fileName} of {@code type} as the field {@code photo}.
     */
    public static HttpResponse<String> multipart(WebSession web, String action, String csrf, String fileName,
                                                 String type, byte[] bytes, String... nameValues) {
        String boundary = "----musubi" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "_csrf", csrf);
        for (int i = 0; i < nameValues.length; i += 2) {
            field(body, boundary, nameValues[i], nameValues[i + 1]);
        }
        if (bytes != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
