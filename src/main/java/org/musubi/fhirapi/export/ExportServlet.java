package org.musubi.fhirapi.export;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.response.ServletOutcomes;
import org.springframework.beans.factory.ObjectProvider;

/**
 * An export's status URL and files, served beside HAPI under {@code /fhir/bulk}: {@code GET /fhir/bulk/<id>} (202 with
 * {@code X-Progress} while it runs, 200 with the manifest when done, 500 with an OperationOutcome when it failed),
 * {@code DELETE /fhir/bulk/<id>} (cancels: 202), {@code GET /fhir/bulk/<id>/<n>.ndjson} (a file, with the same
 * client's bearer token). Everything not the caller's is the one 404 ({@link ExportStatus}). A research project's export
 * has its own ids, {@code research-<extraction>}, and files named by type ({@code research-<x>/Condition.ndjson}), for
 * the researcher who started it only ({@link ResearchExports}).
 */
public class ExportServlet extends HttpServlet {

    /** The path under the FHIR base. */
    static final String PATH = "bulk";
    private static final Pattern STATUS = Pattern.compile("/([^/]{1,100})");
    private static final Pattern FILE = Pattern.compile("/([^/]{1,100})/([0-9]{1,4})\\.ndjson");
    /** A research export's status and files ({@link ResearchExports}): {@code research-<extraction>[/<Type>.ndjson]}. */
    private static final Pattern RESEARCH = Pattern.compile("/" + ResearchExports.PREFIX + "([1-9][0-9]{0,17})");
    private static final Pattern RESEARCH_FILE = Pattern.compile("/" + ResearchExports.PREFIX
            + "([1-9][0-9]{0,17})/([A-Za-z]{1,64})\\.ndjson");
    private static final String UNKNOWN = "エクスポート %s は見つかりません / Export %s is not known";

    private final transient ObjectProvider<ExportStatus> status;
    private final transient ObjectProvider<ResearchExports> research;

    public ExportServlet(ObjectProvider<ExportStatus> status, ObjectProvider<ResearchExports> research) {
        this.status = status;
        this.research = research;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (research(path, request, response)) {
                return;
            }
            Matcher file = FILE.matcher(path);
            if (file.matches()) {
                file(file.group(1), Integer.parseInt(file.group(2)), response);
                return;
            }
            Matcher job = STATUS.matcher(path);
            if (!job.matches()) {
                ServletOutcomes.error(response, 404, String.format(UNKNOWN, path, path));
                return;
            }
            answer(status.getObject().status(Caller.current(), job.group(1), base(request)), job.group(1), response);
        } catch (BaseServerResponseException e) {
            ServletOutcomes.error(response, e.getStatusCode(), e.getMessage());
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher job = STATUS.matcher(path);
        Matcher ours = RESEARCH.matcher(path);
        try {
            if (ours.matches() ? !research.getObject().cancel(Caller.current(), Long.parseLong(ours.group(1)))
                    : !job.matches() || !status.getObject().cancel(Caller.current(), job.group(1))) {
                ServletOutcomes.error(response, 404, String.format(UNKNOWN, path, path));
                return;
            }
            response.setStatus(202);
        } catch (BaseServerResponseException e) {
            ServletOutcomes.error(response, e.getStatusCode(), e.getMessage());
        }
    }

    /** A research export's status or file; false when {@code path} names none. */
    private boolean research(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher file = RESEARCH_FILE.matcher(path);
        if (file.matches()) {
            send(research.getObject().file(Caller.current(), Long.parseLong(file.group(1)), file.group(2)),
                    ResearchExports.PREFIX + file.group(1), response);
            return true;
        }
        Matcher job = RESEARCH.matcher(path);
        if (!job.matches()) {
            return false;
        }
        String id = ResearchExports.PREFIX + job.group(1);
        answer(research.getObject().status(Caller.current(), Long.parseLong(job.group(1)), base(request),
                request.getParameter("_type")), id, response);
        return true;
    }

    private void answer(ExportStatus.Answer answer, String id, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        switch (answer) {
            case ExportStatus.Running running -> {
                response.setStatus(202);
                response.setHeader("X-Progress", running.progress());
                response.setHeader("Retry-After", "2");
            }
            case ExportStatus.Done done -> {
                response.setStatus(200);
                response.setContentType("application/json;charset=UTF-8");
                response.getOutputStream().write(done.manifest().getBytes(StandardCharsets.UTF_8));
            }
            case ExportStatus.Failed failed -> ServletOutcomes.error(response, 500, failed.message());
            case ExportStatus.Unknown unknown -> ServletOutcomes.error(response, 404, String.format(UNKNOWN, id, id));
        }
    }

    private void file(String id, int seq, HttpServletResponse response) throws IOException {
        send(status.getObject().file(Caller.current(), id, seq), id, response);
    }

    private static void send(Optional<ExportStatus.Opened> opened, String id, HttpServletResponse response)
            throws IOException {
        if (opened.isEmpty()) {
            ServletOutcomes.error(response, 404, String.format(UNKNOWN, id, id));
            return;
        }
        response.setStatus(200);
        response.setContentType("application/fhir+ndjson");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Length", String.valueOf(opened.get().bytes()));
        try (InputStream in = opened.get().content()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The FHIR base URL as the caller reached it ({@code …/fhir}). */
    static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf("/fhir/") + "/fhir".length());
    }
}
