package org.musubi.imaging.proxy.web;

import org.musubi.imaging.proxy.StudyPass;
import org.musubi.imaging.proxy.StudyPasses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final StudyForwarder forwarder;

    DicomWebProxy(StudyPasses passes, StudyForwarder forwarder) {
        this.passes = passes;
        this.forwarder = forwarder;
    }

    @GetMapping({"/imaging/dicomweb/studies/{study}", "/imaging/dicomweb/studies/{study}/**"})
    void proxy(@AuthenticationPrincipal SignedIn me, @PathVariable String study, HttpServletRequest request,
               HttpSession session, HttpServletResponse response) throws IOException {
        String prefix = ROOT + "studies/" + study;
        String rest = StudyForwarder.rest(request, prefix);
        Reader reader = new Reader(me.userId(), me.facilityId());
        if (!StudyForwarder.shaped(study, rest) || !passed(reader, study, session)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<StudyForwarder.Target> target = forwarder.target(study, rest);
        if (target.isEmpty() || !forwarder.forward(target.get(), request.getContextPath() + ROOT + "studies/", request,
                response, () -> { })) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
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
