package org.musubi.portal.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.emergency.HandOver;
import org.musubi.emergency.HandOvers;
import org.musubi.letters.exchange.LetterExchange;
import org.musubi.letters.exchange.ListLetters;
import org.musubi.policy.linked.ListLinkedPatients;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.security.SignedIn;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.Worklist;
import org.springframework.stereotype.Service;

/**
 * What the home page answers first, per role: an emergency room's inbox of crews' hand-overs, what changed for each
 * linked patient shown (a pharmacist: dispensings and duplicate alerts), the secretariat's queues, and for the staff of
 * a facility that receives letters (a hospital, a clinic, a pharmacy, a home-nursing station) its inbox's counts.
 */
@Service
class RoleAnswers {

    private final HandOvers handOvers;
    private final ReadPatientNews news;
    private final SecretariatQueues queues;
    private final ListLetters letters;
    private final Worklist worklist;

    /** The kinds of facility letters are written to (those with a medical-institution code of their own). */
    static final Set<FacilityKind> RECEIVE_LETTERS = EnumSet.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC,
            FacilityKind.DENTAL_CLINIC, FacilityKind.PHARMACY, FacilityKind.HOME_NURSING_STATION);

    RoleAnswers(HandOvers handOvers, ReadPatientNews news, SecretariatQueues queues, ListLetters letters,
                Worklist worklist) {
        this.worklist = worklist;
        this.handOvers = handOvers;
        this.news = news;
        this.queues = queues;
        this.letters = letters;
    }

    /** The inbox's unread, overdue and open letters, for the staff of a facility that receives letters; else null. */
    LetterExchange.Counts letters(SignedIn me, Facility facility) {
        return RECEIVE_LETTERS.contains(facility.kind()) ? letters.counts(new Reader(me.userId(), me.facilityId()))
                : null;
    }

    /** What waits for the user from every part that gives work (Box files, tasks, due stages, requests …). */
    List<Waiting> waiting(SignedIn me, Instant now) {
        return worklist.waitingFor(new Reader(me.userId(), me.facilityId()), now);
    }

    List<HandOver> handOvers(long facilityId, Instant now) {
        return handOvers.liveFor(facilityId, now);
    }

    /** The glance at the linked patients shown that fills {@code into}. */
    ListLinkedPatients.Glance news(SignedIn me, Instant now, Map<Long, PatientNews> into) {
        return news.into(me, now, into);
    }

    /** The queues, for a network operator only. */
    SecretariatQueues.Queues queues(SignedIn me, Instant now) {
        return me.networkAdmin() ? queues.of(me, now) : null;
    }
}
