package org.musubi.portal.consult;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.musubi.consult.ConsultStatus;
import org.musubi.consult.ListConsultations;
import org.musubi.consult.OpenConsultation;
import org.musubi.consult.ThreadPage;
import org.musubi.database.Standby;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consultations' list and a thread's page; a thread the reader takes no part in, and a made-up id, answer 404
 * exactly like one that does not exist, each audited once by {@link OpenConsultation}. Asking is {@link
 * ConsultAskController}'s, posting, the meeting, closing and attachments {@link ConsultThreadController}'s.
 */
@Controller
class ConsultController {

    private final ListConsultations lists;
    private final OpenConsultation opening;
    private final Facilities facilities;
    private final Users users;
    private final Standby standby;

    ConsultController(ListConsultations lists, OpenConsultation opening, Facilities facilities, Users users,
                      Standby standby) {
        this.lists = lists;
        this.opening = opening;
        this.facilities = facilities;
        this.users = users;
        this.standby = standby;
    }

    @GetMapping("/portal/consultations")
    String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String tab, Model model) {
        ConsultStatus shown = tab(tab);
        model.addAttribute("tab", shown);
        model.addAttribute("tabs", ConsultStatus.values());
        List<org.musubi.consult.ConsultRows.Line> lines = lists.list(ConsultAnswers.reader(me), Set.of(shown));
        model.addAttribute("lines", lines);
        model.addAttribute("myId", me.userId());
        names(model, lines.stream().map(org.musubi.consult.ConsultRows.Line::thread).toList());
        return "portal/consult/list";
    }

    @GetMapping("/portal/consultations/{id}")
    String thread(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
        ThreadPage page = opening.open(ConsultAnswers.reader(me), ConsultAnswers.uuid(id)).orElseThrow(ConsultAnswers::absent);
        model.addAttribute("page", page);
        model.addAttribute("t", page.thread());
        names(model, List.of(page.thread()));
        model.addAttribute("readOnly", standby.readOnly());
        return "portal/consult/thread";
    }

    /** The names of the threads' facilities and users, for the templates. */
    private void names(Model model, List<org.musubi.consult.ConsultThread> threads) {
        Map<Long, String> facilityNames = new TreeMap<>();
        Map<Long, String> userNames = new TreeMap<>();
        for (org.musubi.consult.ConsultThread t : threads) {
            for (long f : List.of(t.askingFacility(), t.addresseeFacility())) {
                facilityNames.computeIfAbsent(f, id -> facilities.find(id).map(Facility::nameKanji).orElse("#" + id));
            }
            for (Long u : java.util.Arrays.asList(t.askingUser(), t.addresseeUser())) {
                if (u != null) {
                    userNames.computeIfAbsent(u, id -> users.find(id).map(User::nameKanji).orElse("#" + id));
                }
            }
        }
        model.addAttribute("facilityNames", facilityNames);
        model.addAttribute("userNames", userNames);
    }

    private static ConsultStatus tab(String tab) {
        for (ConsultStatus status : ConsultStatus.values()) {
            if (status.name().equalsIgnoreCase(tab)) {
                return status;
            }
        }
        return ConsultStatus.OPEN;
    }
}
