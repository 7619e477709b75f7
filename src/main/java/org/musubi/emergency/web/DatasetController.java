package org.musubi.emergency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Purpose;
import org.musubi.consent.Consents;
import org.musubi.disaster.DisasterMode;
import org.musubi.consent.EmergencyAccess;
import org.musubi.emergency.HandOver;
import org.musubi.emergency.HandOvers;
import org.musubi.emergency.dataset.MinimumDataset;
import org.musubi.emergency.dataset.SourcedDataset;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The emergency minimum dataset on one phone screen, read-only: one audited read (purpose EMERGENCY) per view, the
 * same 404 for anything the policy refuses, and a banner with the time left of the reader's emergency access.
 */
@Controller
class DatasetController {

    private final MinimumDataset datasets;
    private final Consents consents;
    private final HandOvers handOvers;
    private final Facilities facilities;
    private final DisasterMode disaster;

    DatasetController(MinimumDataset datasets, Consents consents, HandOvers handOvers, Facilities facilities,
                      DisasterMode disaster) {
        this.datasets = datasets;
        this.consents = consents;
        this.handOvers = handOvers;
        this.facilities = facilities;
        this.disaster = disaster;
    }

    @GetMapping("/emergency/persons/{personId}")
    String dataset(@AuthenticationPrincipal SignedIn me, @PathVariable long personId, Model model,
                   HttpServletResponse response) {
        Interaction<SourcedDataset> read = datasets.readSourced(new Reader(me.userId(), me.facilityId(),
                Purpose.EMERGENCY), personId, MinimumDataset.AUDITED_AS);
        if (!read.permitted()) {
            return notFound(response);
        }
        Instant now = Instant.now();
        Optional<EmergencyAccess> access = consents.openEmergenciesOf(me.userId(), now).stream()
                .filter(a -> a.personId() == personId).findFirst();
        model.addAttribute("d", read.value().dataset());
        model.addAttribute("marks", read.value().marks());
        // 災害時要配慮者 (issue 44): shown to responders while disaster mode is on, never outside it
        model.addAttribute("disasterHelp", disaster.on() ? read.value().disasterHelp() : List.of());
        model.addAttribute("access", access.orElse(null));
        access.ifPresent(a -> model.addAttribute("minutesLeft", Math.max(0, Duration.between(now, a.expiresAt()).toMinutes())));
        List<HandOver> made = access.map(a -> handOvers.madeUnder(List.of(a.id()))).orElse(List.of());
        model.addAttribute("handedOverTo", made.stream().map(h -> facilities.find(h.toFacilityId())
                .map(Facility::nameKanji).orElse("#" + h.toFacilityId())).distinct().toList());
        return "emergency/dataset";
    }

    /** The one answer for a person who is not there for this user: no such person, or not theirs to see. */
    static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "emergency/not-found";
    }
}
