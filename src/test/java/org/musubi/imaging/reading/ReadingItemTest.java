package org.musubi.imaging.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadingItemTest {

    private static final long CLINIC = 10;
    private static final long CENTRE = 20;
    private static final long OTHER = 30;
    private static final long DOCTOR = 100;
    private static final long READER = 200;
    private static final long READER_2 = 201;

    private final ReadingItem requested = ReadingItem.requested(1, "1.2.3", CLINIC, DOCTOR, CENTRE, null);

    @Test
    void aReadingGoesRequestedClaimedReportedReturned() {
        ReadingItem claimed = requested.step(ReadingStep.CLAIM, CENTRE, READER, null);
        assertThat(claimed.status()).isEqualTo(ReadingStatus.CLAIMED);
        assertThat(claimed.reader()).isEqualTo(READER);
        ReadingItem reported = claimed.step(ReadingStep.REPORT, CENTRE, READER, "DiagnosticReport/r1");
        assertThat(reported.status()).isEqualTo(ReadingStatus.REPORTED);
        assertThat(reported.reportId()).isEqualTo("DiagnosticReport/r1");
        ReadingItem returned = reported.step(ReadingStep.ACKNOWLEDGE, CLINIC, DOCTOR, null);
        assertThat(returned.status()).isEqualTo(ReadingStatus.RETURNED);
        assertThat(returned.status().isFinal()).isTrue();
        assertThat(returned.reportId()).isEqualTo("DiagnosticReport/r1");
    }

    @Test
    void onlyTheSideWhoseStepItIsTakesIt() {
        assertThatThrownBy(() -> requested.step(ReadingStep.CLAIM, CLINIC, DOCTOR, null))
                .isInstanceOf(ReadingItem.StepRefused.class);
        assertThatThrownBy(() -> requested.step(ReadingStep.CANCEL, CENTRE, READER, null))
                .isInstanceOf(ReadingItem.StepRefused.class);
        for (ReadingStep step : ReadingStep.values()) {
            assertThatThrownBy(() -> requested.step(step, OTHER, READER, "x"))
                    .as(step.name()).isInstanceOf(ReadingItem.StepRefused.class);
        }
        assertThat(requested.sideOf(OTHER)).isEmpty();
    }

    @Test
    void aClaimedItemIsReportedOrReleasedOnlyByItsReader() {
        ReadingItem claimed = requested.step(ReadingStep.CLAIM, CENTRE, READER, null);
        assertThatThrownBy(() -> claimed.step(ReadingStep.REPORT, CENTRE, READER_2, "DiagnosticReport/r1"))
                .isInstanceOf(ReadingItem.StepRefused.class);
        assertThatThrownBy(() -> claimed.step(ReadingStep.RELEASE, CENTRE, READER_2, null))
                .isInstanceOf(ReadingItem.StepRefused.class);
        assertThatThrownBy(() -> claimed.step(ReadingStep.CLAIM, CENTRE, READER_2, null))
                .isInstanceOf(ReadingItem.StepRefused.class);
        ReadingItem released = claimed.step(ReadingStep.RELEASE, CENTRE, READER, null);
        assertThat(released.status()).isEqualTo(ReadingStatus.REQUESTED);
        assertThat(released.reader()).isNull();
        assertThat(released.step(ReadingStep.CLAIM, CENTRE, READER_2, null).reader()).isEqualTo(READER_2);
    }

    @Test
    void aReportNeedsTheReportEntered() {
        ReadingItem claimed = requested.step(ReadingStep.CLAIM, CENTRE, READER, null);
        assertThatThrownBy(() -> claimed.step(ReadingStep.REPORT, CENTRE, READER, " "))
                .isInstanceOf(ReadingItem.StepRefused.class);
    }

    @Test
    void finalStatesTakeNoStepAndAReportedItemIsNoLongerCancelled() {
        ReadingItem cancelled = requested.step(ReadingStep.CANCEL, CLINIC, DOCTOR, null);
        ReadingItem declined = requested.step(ReadingStep.DECLINE, CENTRE, READER, null);
        for (ReadingItem done : new ReadingItem[] {cancelled, declined}) {
            assertThat(done.status().isFinal()).isTrue();
            assertThatThrownBy(() -> done.step(ReadingStep.CLAIM, CENTRE, READER, null))
                    .isInstanceOf(ReadingItem.StepRefused.class);
        }
        ReadingItem reported = requested.step(ReadingStep.CLAIM, CENTRE, READER, null)
                .step(ReadingStep.REPORT, CENTRE, READER, "DiagnosticReport/r1");
        assertThatThrownBy(() -> reported.step(ReadingStep.CANCEL, CLINIC, DOCTOR, null))
                .isInstanceOf(ReadingItem.StepRefused.class);
        assertThatThrownBy(() -> requested.step(ReadingStep.ACKNOWLEDGE, CLINIC, DOCTOR, null))
                .isInstanceOf(ReadingItem.StepRefused.class);
    }

    @Test
    void everyStateHasItsStepsAndOnlyOpenStatesAreInTheWorklist() {
        assertThat(ReadingStatus.REQUESTED.next()).containsExactlyInAnyOrder(ReadingStatus.CLAIMED,
                ReadingStatus.CANCELLED, ReadingStatus.DECLINED);
        assertThat(ReadingStatus.REPORTED.next()).containsExactly(ReadingStatus.RETURNED);
        assertThat(ReadingStatus.values()).filteredOn(ReadingStatus::isOpen)
                .containsExactlyInAnyOrder(ReadingStatus.REQUESTED, ReadingStatus.CLAIMED);
    }

    @Test
    void aFacilityDoesNotRequestAReadingFromItself() {
        assertThatThrownBy(() -> ReadingItem.requested(2, "1.2.3", CENTRE, DOCTOR, CENTRE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
