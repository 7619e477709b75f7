package org.musubi.fhirapi.internal;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Locale;
import org.musubi.policy.Decision;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A policy denial as a 403 whose text gives the reason in Japanese, then English. */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    ForbiddenOperationException of(Decision decision) {
        String ja = messages.getMessage(decision.key(), null, decision.key(), Locale.JAPANESE);
        String en = messages.getMessage(decision.key(), null, decision.key(), Locale.ENGLISH);
        return new ForbiddenOperationException("この患者の情報は参照できません: " + ja + " / Not permitted for this patient: " + en);
    }
}
