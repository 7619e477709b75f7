package org.musubi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client over real HTTP: keeps cookies (including Secure ones, as browsers do for
 * localhost), never follows redirects by itself, and remembers the CSRF token of the last page.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client;
    private final String base;
    /** The nodes an alternating session sends its requests to in turn (one for an ordinary session). */
    private final List<String> nodes;
    private int next;
    private String lastBase;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public WebSession(int port) {
        this(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** A session over a client shared with other sessions (it must not follow redirects); cookies stay per session. */
    public WebSession(int port, HttpClient client) {
        this(client, new int[] {port});
    }

    private WebSession(HttpClient client, int[] ports) {
        this(client, Arrays.stream(ports).mapToObj(p -> "http://localhost:" + p).toList());
    }

    private WebSession(HttpClient client, List<String> nodes) {
        this.nodes = nodes;
        this.base = nodes.getFirst();
        this.client = client;
    }

    /**
     * A session with a server at another base address, e.g. {@code https://127.0.0.1:8443} through a client with its
     * own TLS context (it must not follow redirects).
     */
    public static WebSession at(String base, HttpClient client) {
        return new WebSession(client, List.of(base));
    }

    /**
     * A browser behind a load balancer that sends each request to the next of these nodes in turn (the first request
     * to the first node), one cookie jar and CSRF token for all, as several Musubi nodes on one database serve it.
     */
    public static WebSession alternating(int... ports) {
        return alternating(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), ports);
    }

    /** {@link #alternating(int...)} over a client shared with other sessions (it must not follow redirects). */
    public static WebSession alternating(HttpClient client, int... ports) {
        return new WebSession(client, ports);
    }

    /** The node that answered the last request (its base URL), for a test that asserts where a step ran. */
    public String lastNode() {
        return lastBase;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"));
    }

    /** Fetches a page and follows redirects within the site, as a browser would. */
    public HttpResponse<String> open(String path) {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            response = get(location(response));
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page seen. */
    public HttpResponse<String> post(String path, String... nameValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.put(nameValues[i], nameValues[i + 1]);
        }
        if (csrf != null && !form.containsKey("_csrf")) {
            form.put("_csrf", csrf);
        }
        return postRaw(path, form);
    }

    /** Posts exactly these fields, without adding a CSRF token. */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends this header with every request, e.g. X-Forwarded-For to act as another client address. */
    public WebSession withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Fetches a download (a PDF, an image) with the session's cookies; its bytes as sent. */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            return client.send(toNextNode(request.build()), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(toNextNode(request.build()), HttpResponse.BodyHandlers.ofString());
            remember(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request as built, or for an alternating session the same request to the next node. */
    private synchronized HttpRequest toNextNode(HttpRequest request) {
        String node = nodes.get(next);
        next = (next + 1) % nodes.size();
        lastBase = node;
        if (node.equals(base)) {
            return request;
        }
        URI uri = request.uri();
        URI target = URI.create(node + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        return HttpRequest.newBuilder(request, (name, value) -> true).uri(target).build();
    }

    /** The CSRF token of the last page seen (null when none was). */
    public String csrf() {
        return csrf;
    }

    /** The session's cookies as one Cookie header value, for a client of its own (e.g. {@link TusUploads}). */
    public String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public String base() {
        return base;
    }

    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("http") ? URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location;
    }

    private void remember(HttpResponse<String> response) {
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        Matcher matcher = CSRF.matcher(response.body() == null ? "" : response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
