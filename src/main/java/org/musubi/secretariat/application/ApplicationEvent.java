package org.musubi.secretariat.application;

import java.time.Instant;

/** One step of an application: the status reached, the note shown to the applicant, who took it (null: the applicant). */
public record ApplicationEvent(ApplicationStatus status, String note, Long byUserId, Instant at) {
}
