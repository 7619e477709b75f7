package org.musubi.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.musubi.emergency.HandOver;
import org.musubi.emergency.HandOvers;
import org.musubi.policy.ListLinkedPatients;
import org.musubi.security.SignedIn;
import org.springframework.stereotype.Service;

/**
 * What the home page answers first, per role: an emergency room's inbox of crews' hand-overs, what changed for each
 * linked patient shown (a pharmacist: dispensings and duplicate alerts), the secretariat's queues.
 */
@Service
class RoleAnswers {

    private final HandOvers handOvers;
    private final ReadPatientNews news;
    private final SecretariatQueues queues;

    RoleAnswers(HandOvers handOvers, ReadPatientNews news, SecretariatQueues queues) {
        this.handOvers = handOvers;
        this.news = news;
        this.queues = queues;
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
