package org.musubi.imaging.archive.web;

import jakarta.servlet.http.HttpServletResponse;
import org.musubi.imaging.archive.OrthancClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page "imaging is not set up" (画像連携は設定されていません): what imaging would offer, that this network has no
 * archive, and whom to ask — the network's secretariat (事務局), through the help desk; operators also read which
 * setting to make. Answered with 503 (the service is not available here), for any method, to every imaging page
 * {@link NotSetUpPages} forwards while no archive is configured; once one is, this path is a page nobody has (404).
 */
@Controller
class NotSetUpController {

    static final String PATH = "/imaging/not-set-up";

    private final OrthancClient archive;

    NotSetUpController(OrthancClient archive) {
        this.archive = archive;
    }

    @RequestMapping(PATH)
    String notSetUp(HttpServletResponse response) {
        if (archive.settings().configured()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        return "imaging/not-set-up";
    }
}
