package org.musubi.secretariat.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApplicationStatusTest {

    @Test
    void theSecretariatsPathRunsFromReceivedToLiveAndAReturnGoesBackToReceived() {
        assertThat(ApplicationStatus.RECEIVED.next()).containsExactly(ApplicationStatus.UNDER_REVIEW);
        assertThat(ApplicationStatus.UNDER_REVIEW.next())
                .containsExactlyInAnyOrder(ApplicationStatus.APPROVED, ApplicationStatus.RETURNED);
        assertThat(ApplicationStatus.RETURNED.next()).containsExactly(ApplicationStatus.RECEIVED);
        assertThat(ApplicationStatus.APPROVED.next()).containsExactly(ApplicationStatus.SET_UP);
        assertThat(ApplicationStatus.SET_UP.next()).containsExactly(ApplicationStatus.LIVE);
        assertThat(ApplicationStatus.LIVE.next()).isEmpty();
    }

    @Test
    void noStepIsSkippedNorUndone() {
        assertThat(ApplicationStatus.RECEIVED.mayMoveTo(ApplicationStatus.APPROVED)).as("approval without review").isFalse();
        assertThat(ApplicationStatus.RECEIVED.mayMoveTo(ApplicationStatus.LIVE)).isFalse();
        assertThat(ApplicationStatus.APPROVED.mayMoveTo(ApplicationStatus.RETURNED)).as("an approval is not returned")
                .isFalse();
        assertThat(ApplicationStatus.APPROVED.mayMoveTo(ApplicationStatus.LIVE)).as("live before set-up").isFalse();
        assertThat(ApplicationStatus.LIVE.mayMoveTo(ApplicationStatus.SET_UP)).isFalse();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertThat(s.mayMoveTo(s)).as(s + " to itself").isFalse();
        }
    }

    @Test
    void onlyReceivedAndUnderReviewWaitAndOnlyTheResubmissionIsTheApplicants() {
        assertThat(EnumSet.allOf(ApplicationStatus.class).stream().filter(ApplicationStatus::waiting))
                .containsExactlyInAnyOrder(ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW);
        assertThat(ApplicationStatus.RETURNED.applicantsStep(ApplicationStatus.RECEIVED)).isTrue();
        assertThat(ApplicationStatus.UNDER_REVIEW.applicantsStep(ApplicationStatus.RETURNED)).isFalse();
    }
}
