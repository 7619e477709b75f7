package org.musubi.imaging.proxy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.proxy.StudyMembers;
import org.springframework.stereotype.Component;

/**
 * Forwards one DICOMweb GET under a study to the archive, for every route that serves a study's pixels once it decided
 * the caller may read the study (the viewer's proxy with its pass, an AI service with its work item's token): only the
 * paths {@link ProxyPaths} names, only a series and an instance of that study; the archive's answer streamed with its
 * Content-Type, DICOM JSON with its archive URLs rewritten to the route's own.
 */
@Component
public class StudyForwarder {

    private final StudyMembers members;
    private final OrthancClient archive;

    StudyForwarder(StudyMembers members, OrthancClient archive) {
        this.members = members;
        this.archive = archive;
    }

    /** A request under a study the route may forward: its path checked (shape, series and instance of the study). */
    public static final class Target {
        private final String study;
        private final String rest;
        private final ProxyPaths path;

        private Target(String study, String rest, ProxyPaths path) {
            this.study = study;
            this.rest = rest;
            this.path = path;
        }
    }

    /** The part of the request's path after {@code prefix} and a slash, or null. */
    public static String rest(HttpServletRequest request, String prefix) {
        String uri = request.getRequestURI();
        String full = request.getContextPath() + prefix;
        return uri.length() > full.length() + 1 && uri.startsWith(full + "/") ? uri.substring(full.length() + 1) : null;
    }

    /** Whether {@code rest} is a path served under the study (its shape only; nothing asked of the archive). */
    public static boolean shaped(String study, String rest) {
        return ProxyPaths.of(study, rest).isPresent();
    }

    /** The target of {@code rest} under {@code study}, when its shape is served and its series and instance are the study's. */
    public Optional<Target> target(String study, String rest) {
        Optional<ProxyPaths> path = ProxyPaths.of(study, rest);
        if (path.isEmpty()
                || path.get().series() != null && path.get().instance() == null && !members.seriesOf(study, path.get().series())
                || path.get().instance() != null && !members.instanceOf(study, path.get().series(), path.get().instance())) {
            return Optional.empty();
        }
        return Optional.of(new Target(study, rest, path.get()));
    }

    /**
     * Asks the archive for {@code target} and, when it answers with data, runs {@code serving} and streams the answer
     * (DICOM JSON rewritten under {@code studiesRoot}, the route's own root of studies ending in a slash); false,
     * with nothing written, when the archive has nothing.
     */
    public boolean forward(Target target, String studiesRoot, HttpServletRequest request, HttpServletResponse response,
                           Runnable serving) throws IOException {
        String rest = target.rest;
        String accept = request.getHeader("Accept");
        var ask = archive.request(archive.dicomWeb(target.path.archive()) + ProxyPaths.query(rest, request.getParameterMap()))
                .GET();
        if (target.path.json() || rest.equals("series") || rest.endsWith("/instances")) {
            ask.header("Accept", "application/dicom+json");
        } else if (rest.endsWith("/rendered") || rest.endsWith("/thumbnail")) {
            ask.header("Accept", accept != null && accept.matches("image/(jpeg|png|gif)") ? accept : "image/jpeg");
        } else if (accept != null && accept.length() < 500 && accept.startsWith("multipart/related")) {
            ask.header("Accept", accept);
        }
        HttpResponse<InputStream> answer = archive.stream(ask.build());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                return false;
            }
            serving.run();
            String type = answer.headers().firstValue("Content-Type").orElse("application/octet-stream");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "private, no-store");
            response.setContentType(type);
            if (target.path.json()) {
                byte[] json = DicomJsonUrls.rewrite(body.readAllBytes(), studiesRoot);
                response.setContentLength(json.length);
                response.getOutputStream().write(json);
                return true;
            }
            answer.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
            body.transferTo(response.getOutputStream());
            return true;
        }
    }
}
