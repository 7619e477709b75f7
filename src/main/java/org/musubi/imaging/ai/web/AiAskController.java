package org.musubi.imaging.ai.web;

import org.musubi.imaging.ai.AiRequests;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 「AI解析を依頼 / Ask AI」 from the study page: the work item queued (or the open one), back to the study page; a study
 * the doctor may not see answers 404 like one nobody has (the refusal audited by the use case).
 */
@Controller
class AiAskController {

    private final AiRequests requests;

    AiAskController(AiRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/imaging/ai/requests")
    String ask(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String study,
               @RequestParam(required = false) Long service, RedirectAttributes redirect) {
        requests.ask(new Reader(me.userId(), me.facilityId()), study, service == null ? -1 : service)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("aiAsked", true);
        return "redirect:" + UriComponentsBuilder.fromPath("/imaging/viewer/studies/{uid}").buildAndExpand(study)
                .toUriString();
    }
}
