package org.musubi.imaging.proxy.web;

import org.musubi.imaging.proxy.StudyMembers;
import org.musubi.imaging.proxy.StudyPass;
import org.musubi.imaging.proxy.StudyPasses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Musubi's DICOMweb (WADO-RS) proxy for the viewer, {@code /imaging/dicomweb/studies/<study>/…}: a study's and a
 * series' metadata and lists, an instance's metadata, frames, rendered image and thumbnail, bulk data. Each request is
 * served only with a pass of the study (its opening audited once; the policy asked again now) and only for a series
 * and an instance of that study; everything refused answers 404 exactly like a study nobody has. Bodies are streamed
 * with the archive's Content-Type (transfer syntax included); DICOM JSON has its archive URLs rewritten to this proxy.
 */
@Controller
public class DicomWebProxy {

    /** The passes of the studies the user opened lately, in their session. */
    public static final String PASSES = "imagingStudyPasses";
    static final String ROOT = "/imaging/dicomweb/";
    private static final int PASSES_KEPT = 16;

    private final StudyPasses passes;
    private final StudyMembers members;
    private final OrthancClient archive;

    DicomWebProxy(StudyPasses passes, StudyMembers members, OrthancClient archive) {
        this.passes = passes;
        this.members = members;
        this.archive = archive;
    }

    @GetMapping({"/imaging/dicomweb/studies/{study}", "/imaging/dicomweb/studies/{study}/**"})
    void proxy(@AuthenticationPrincipal SignedIn me, @PathVariable String study, HttpServletRequest request,
               HttpSession session, HttpServletResponse response) throws IOException {
        String prefix = request.getContextPath() + ROOT + "studies/" + study;
        String uri = request.getRequestURI();
        String rest = uri.length() > prefix.length() + 1 && uri.startsWith(prefix + "/") ? uri.substring(prefix.length() + 1)
                : null;
        Optional<ProxyPaths> path = ProxyPaths.of(study, rest);
        Reader reader = new Reader(me.userId(), me.facilityId());
        if (path.isEmpty() || !passed(reader, study, session)
                || path.get().series() != null && path.get().instance() == null && !members.seriesOf(study, path.get().series())
                || path.get().instance() != null && !members.instanceOf(study, path.get().series(), path.get().instance())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String accept = request.getHeader("Accept");
        var ask = archive.request(archive.dicomWeb(path.get().archive()) + ProxyPaths.query(rest, request.getParameterMap()))
                .GET();
        if (path.get().json() || rest.equals("series") || rest.endsWith("/instances")) {
            ask.header("Accept", "application/dicom+json");
        } else if (rest.endsWith("/rendered") || rest.endsWith("/thumbnail")) {
            ask.header("Accept", accept != null && accept.matches("image/(jpeg|png|gif)") ? accept : "image/jpeg");
        } else if (accept != null && accept.length() < 500 && accept.startsWith("multipart/related")) {
            ask.header("Accept", accept);
        }
        HttpResponse<InputStream> answer = archive.stream(ask.build());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            String type = answer.headers().firstValue("Content-Type").orElse("application/octet-stream");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "private, no-store");
            response.setContentType(type);
            if (path.get().json()) {
                byte[] json = DicomJsonUrls.rewrite(body.readAllBytes(), prefix.substring(0, prefix.length() - study.length()));
                response.setContentLength(json.length);
                response.getOutputStream().write(json);
                return;
            }
            answer.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
            body.transferTo(response.getOutputStream());
        }
    }

    /** Whether the user holds a pass of the study valid now; without one, the study is opened (and audited) now. */
    private boolean passed(Reader reader, String study, HttpSession session) {
        List<StudyPass> kept = new ArrayList<>(kept(session));
        Optional<StudyPass> pass = kept.stream().filter(p -> p.studyUid().equals(study)).findFirst();
        if (pass.isPresent() && passes.valid(reader, pass.get())) {
            return true;
        }
        return passes.open(reader, study).map(opened -> {
            keep(session, opened.pass());
            return true;
        }).orElseGet(() -> {
            pass.ifPresent(p -> forget(session, p));
            return false;
        });
    }

    /** Keeps the pass of a study just opened, for the requests of its viewer. */
    public static void keep(HttpSession session, StudyPass pass) {
        List<StudyPass> kept = new ArrayList<>(kept(session));
        kept.removeIf(p -> p.studyUid().equals(pass.studyUid()));
        kept.addFirst(pass);
        while (kept.size() > PASSES_KEPT) {
            kept.removeLast();
        }
        session.setAttribute(PASSES, kept);
    }

    private static void forget(HttpSession session, StudyPass pass) {
        List<StudyPass> kept = new ArrayList<>(kept(session));
        kept.remove(pass);
        session.setAttribute(PASSES, kept);
    }

    @SuppressWarnings("unchecked")
    private static List<StudyPass> kept(HttpSession session) {
        return session.getAttribute(PASSES) instanceof ArrayList<?> kept ? (List<StudyPass>) kept : List.of();
    }
}
