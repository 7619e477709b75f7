package org.musubi.secretariat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelpStatusTest {

    @Test
    void theSecretariatTakesOnlyANewQuestion() {
        assertThat(HelpStatus.NEW.after(HelpMove.TAKE)).contains(HelpStatus.IN_PROGRESS);
        assertThat(HelpStatus.IN_PROGRESS.after(HelpMove.TAKE)).isEmpty();
        assertThat(HelpStatus.ANSWERED.after(HelpMove.TAKE)).isEmpty();
        assertThat(HelpStatus.CLOSED.after(HelpMove.TAKE)).isEmpty();
    }

    @Test
    void anyOpenQuestionCanBeAnsweredAndClosedButAClosedOneOnlyReopened() {
        for (HelpStatus open : new HelpStatus[] {HelpStatus.NEW, HelpStatus.IN_PROGRESS, HelpStatus.ANSWERED}) {
            assertThat(open.after(HelpMove.ANSWER)).as(open.name()).contains(HelpStatus.ANSWERED);
            assertThat(open.after(HelpMove.CLOSE)).as(open.name()).contains(HelpStatus.CLOSED);
            assertThat(open.after(HelpMove.REOPEN)).as(open.name()).isEmpty();
        }
        assertThat(HelpStatus.CLOSED.after(HelpMove.ANSWER)).isEmpty();
        assertThat(HelpStatus.CLOSED.after(HelpMove.CLOSE)).isEmpty();
        assertThat(HelpStatus.CLOSED.after(HelpMove.REOPEN)).contains(HelpStatus.IN_PROGRESS);
    }

    @Test
    void theAskersReplyReopensAnAnsweredOrClosedQuestionAndLeavesAWaitingOneWaiting() {
        Map<HelpStatus, HelpStatus> expected = Map.of(HelpStatus.NEW, HelpStatus.NEW,
                HelpStatus.IN_PROGRESS, HelpStatus.IN_PROGRESS, HelpStatus.ANSWERED, HelpStatus.IN_PROGRESS,
                HelpStatus.CLOSED, HelpStatus.IN_PROGRESS);
        expected.forEach((from, to) -> assertThat(from.after(HelpMove.REPLY)).as(from.name()).contains(to));
    }

    @Test
    void theAskerClosesOnlyAnAnsweredQuestion() {
        assertThat(HelpStatus.ANSWERED.after(HelpMove.ASKER_CLOSE)).contains(HelpStatus.CLOSED);
        for (HelpStatus other : new HelpStatus[] {HelpStatus.NEW, HelpStatus.IN_PROGRESS, HelpStatus.CLOSED}) {
            assertThat(other.after(HelpMove.ASKER_CLOSE)).as(other.name()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void onlyNewAndInProgressWaitForTheSecretariat() {
        assertThat(HelpStatus.NEW.waitingForSecretariat()).isTrue();
        assertThat(HelpStatus.IN_PROGRESS.waitingForSecretariat()).isTrue();
        assertThat(HelpStatus.ANSWERED.waitingForSecretariat()).isFalse();
        assertThat(HelpStatus.CLOSED.waitingForSecretariat()).isFalse();
    }

    @Test
    void repliesAndAnswersAreTheMovesWithAMessageAndTheAskerMakesOnlyReplyAndClose() {
        for (HelpMove move : HelpMove.values()) {
            assertThat(move.carriesMessage()).as(move.name()).isEqualTo(move == HelpMove.REPLY || move == HelpMove.ANSWER);
            assertThat(move.bySecretariat()).as(move.name())
                    .isEqualTo(move != HelpMove.REPLY && move != HelpMove.ASKER_CLOSE);
        }
    }
}
