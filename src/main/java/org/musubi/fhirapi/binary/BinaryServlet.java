package org.musubi.fhirapi.binary;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.musubi.blob.BlobStore;
import org.musubi.fhirapi.response.ServletOutcomes;
import org.musubi.web.servlet.UntrustedContent;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code /fhir/Binary}: documents and images streamed in and out, never held whole in memory.
 * {@code POST /fhir/Binary} with the file as the body, its MIME type as Content-Type and the patient in
 * {@code X-Security-Context} (as for any FHIR write: {@code Patient?identifier=…} or {@code Patient/<id>});
 * {@code GET /fhir/Binary/<id>} returns the file itself, after the access policy (audited once), always as
 * a download that a browser may neither run nor sniff: whatever was uploaded (HTML, SVG, script) stays inert.
 */
public class BinaryServlet extends HttpServlet {

    private final transient ObjectProvider<Binaries> binaries;

    public BinaryServlet(ObjectProvider<Binaries> binaries) {
        this.binaries = binaries;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        UntrustedContent.forbidActiveContent(response);
        super.service(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            ServletOutcomes.error(response, 405, "POST /fhir/Binary のみ対応しています / Only POST /fhir/Binary is supported");
            return;
        }
        Binaries.Outcome outcome;
        try (InputStream body = request.getInputStream()) {
            outcome = binaries.getObject().store(request.getContentType(), request.getHeader("X-Security-Context"), body);
        } catch (BlobStore.TooLarge e) {
            ServletOutcomes.error(response, 413, "ファイルが大きすぎます / " + e.getMessage());
            return;
        }
        if (outcome.status() != 201) {
            ServletOutcomes.error(response, outcome.status(), outcome.message());
            return;
        }
        response.setStatus(201);
        response.setHeader("Location", "Binary/" + outcome.id() + "/_history/" + outcome.version());
        response.setHeader("ETag", "W/\"" + outcome.version() + "\"");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            ServletOutcomes.error(response, 400, "GET /fhir/Binary/<id> を指定してください / Use GET /fhir/Binary/<id>");
            return;
        }
        Binaries.Opened opened = binaries.getObject().open(id);
        if (opened.status() != 200) {
            ServletOutcomes.error(response, opened.status(), opened.message());
            return;
        }
        UntrustedContent.asAttachment(response, opened.contentType(), "Binary-" + id);
        response.setHeader("Content-Length", String.valueOf(opened.blob().size()));
        response.setHeader("ETag", "\"" + opened.blob().sha256() + "\"");
        try (InputStream in = opened.content()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
