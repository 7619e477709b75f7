package org.musubi.imaging.ai;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.musubi.registry.Administrator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stub AI service written for the tests: it stands in for the outside model, which cannot run here. It listens on
 * loopback for the analysis requests Musubi sends ({@code POST /v1/analyses}: its base URL ends in {@code /v1}), keeps
 * each with the bearer token it came with and answers 202 (or the status a test sets); the test then acts as the
 * service would after answering: it fetches the study's pixels through the scoped DICOMweb route ({@link #firstFrame})
 * and posts findings to the callback ({@link #post}). No model runs: the findings are the test's ({@link #findings}).
 */
public final class AiStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The token Musubi is registered to send the stub. */
    public static final String TOKEN = "stub-service-token-0123456789";

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile int status = 202;

    private AiStub(HttpServer server) {
        this.server = server;
    }

    /** An analysis request as the stub received it. */
    public record Received(String authorization, JsonNode body) {
        public long workItemId() {
            return body.path("workItemId").asLong();
        }

        public String studyUid() {
            return body.path("studyInstanceUid").asString();
        }

        public String pixelRoot() {
            return body.path("pixels").path("dicomWebRoot").asString();
        }

        public String pixelToken() {
            return body.path("pixels").path("bearerToken").asString();
        }

        public String callbackUrl() {
            return body.path("callback").path("url").asString();
        }

        public String callbackToken() {
            return body.path("callback").path("bearerToken").asString();
        }
    }

    /** Starts the stub on a free loopback port. */
    public static AiStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AiStub stub = new AiStub(server);
        server.createContext("/v1/analyses", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            stub.received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(body)));
            exchange.sendResponseHeaders(stub.status, -1);
            exchange.close();
        });
        server.start();
        return stub;
    }

    /** The stub's base URL, as an operator registers it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The status the stub answers analysis requests with from now on. */
    public void answer(int code) {
        status = code;
    }

    /** The next analysis request received (sent already when the dispatcher's run returned). */
    public Received next() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the stub AI service received no analysis request");
        }
        return next;
    }

    /** Whether no analysis request is waiting. */
    public boolean idle() {
        return received.isEmpty();
    }

    /** Registers the stub with Musubi as a network admin would: takes {@code modalities}, not automatic. */
    public long register(AiAdministration administration, String name, String modalities) {
        return administration.save(new Administrator(0, true, java.util.Set.of()), null, new AiAdministration.Settings(
                name, url(), TOKEN, "StubNodule", "1.2", modalities, null, false, true)).orElseThrow().id();
    }

    /** A GET as the service makes it, with the bearer token. */
    public HttpResponse<byte[]> get(String url, String token, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST of JSON as the service makes it, with the bearer token. */
    public HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Fetches the study's series list, its first series' instances and the first instance's first frame through the
     * scoped route, as a service would: the statuses of the three, in order.
     */
    public int[] firstFrame(Received request) throws IOException, InterruptedException {
        String study = request.pixelRoot() + "/studies/" + request.studyUid();
        HttpResponse<byte[]> series = get(study + "/series", request.pixelToken(), "application/dicom+json");
        if (series.statusCode() != 200) {
            return new int[] {series.statusCode(), 0, 0};
        }
        String seriesUid = JSON.readTree(series.body()).get(0).path("0020000E").path("Value").get(0).asString();
        HttpResponse<byte[]> instances = get(study + "/series/" + seriesUid + "/instances", request.pixelToken(),
                "application/dicom+json");
        String instanceUid = JSON.readTree(instances.body()).get(0).path("00080018").path("Value").get(0).asString();
        HttpResponse<byte[]> frame = get(study + "/series/" + seriesUid + "/instances/" + instanceUid + "/frames/1",
                request.pixelToken(), "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*");
        return new int[] {series.statusCode(), instances.statusCode(), frame.statusCode()};
    }

    /** Findings as the stub's "model" reports them for work item {@code id}: one nodule. */
    public static String findings(long id) {
        return """
                {"workItemId": %d, "conclusion": "右上肺野に結節影の疑い",
                 "findings": [{"code": {"system": "http://snomed.info/sct", "code": "27925004", "display": "Nodule"},
                   "value": {"value": 14.5, "unit": "mm"},
                   "bodySite": {"system": "http://snomed.info/sct", "code": "39607008", "display": "Lung"},
                   "probability": 0.87, "text": "nodule, right upper zone"}]}""".formatted(id);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
