package org.musubi.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Job locks across two nodes on one database (issue 41): one node at a time holds a job, the other skips it or waits,
 * both see that it runs, and a holder whose session dies (a node killed: its backend ends without a word from it)
 * gives the job up at once to the other.
 */
@MusubiIntegrationTest
class JobLocksIT {

    @Autowired JobLocks nodeA;
    @Autowired ApplicationContext context;

    private final String job = "test job " + UUID.randomUUID();

    @Test
    void oneNodeAtATimeHoldsAJobAndBothSeeItHeld() {
        JobLocks nodeB = SecondNode.jobLocks(context);
        assertThat(nodeA.heldAnywhere(job)).isFalse();
        try (JobLocks.Held held = nodeA.tryHold(job).orElseThrow()) {
            assertThat(held.job()).isEqualTo(job);
            assertThat(nodeB.tryHold(job)).as("the other node skips it").isEmpty();
            assertThat(nodeA.tryHold(job)).as("so does another caller on the same node").isEmpty();
            assertThat(nodeB.heldAnywhere(job)).isTrue();
            assertThat(nodeA.heldAnywhere(job)).isTrue();
            assertThat(nodeB.runIfFree(job, () -> {
                throw new AssertionError("ran while held elsewhere");
            })).isFalse();
            assertThat(nodeB.heldAnywhere("another " + job)).as("other jobs are free").isFalse();
        }
        assertThat(nodeB.heldAnywhere(job)).as("released when closed").isFalse();
        boolean[] ran = {false};
        assertThat(nodeB.runIfFree(job, () -> ran[0] = true)).isTrue();
        assertThat(ran[0]).isTrue();
        assertThat(nodeA.heldAnywhere(job)).as("runIfFree releases it after the run").isFalse();
    }

    @Test
    void aWaitingNodeGetsTheJobWhenItsHolderReleasesIt() throws Exception {
        JobLocks nodeB = SecondNode.jobLocks(context);
        JobLocks.Held held = nodeA.hold(job);
        CompletableFuture<JobLocks.Held> waiting = CompletableFuture.supplyAsync(() -> nodeB.hold(job));
        try {
            waiting.get(500, TimeUnit.MILLISECONDS);
            throw new AssertionError("the second node got a job the first one holds");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        }
        held.close();
        try (JobLocks.Held taken = waiting.get(20, TimeUnit.SECONDS)) {
            assertThat(nodeA.tryHold(job)).as("now the second node holds it").isEmpty();
        }
    }

    @Test
    void aJobHeldByANodeThatDiedIsFreeForTheOtherAtOnce() {
        JobLocks nodeB = SecondNode.jobLocks(context);
        JobLocks.Held dying = nodeA.tryHold(job).orElseThrow();
        assertThat(nodeB.tryHold(job)).isEmpty();

        SecondNode.killHolder(context, job);

        Optional<JobLocks.Held> taken = nodeB.tryHold(job);
        assertThat(taken).as("no lease to wait out: the lock ended with its session").isPresent();
        taken.get().close();
        dying.close(); // closing the dead connection is harmless
        assertThat(nodeB.heldAnywhere(job)).isFalse();
    }

    @Test
    void keysAreStableAndDistinct() {
        assertThat(JobLocks.key("import source 1")).isEqualTo(JobLocks.key("import source 1"))
                .isNotEqualTo(JobLocks.key("import source 2"));
        // fixed for ever: nodes of different versions must agree on it during a rolling upgrade
        assertThat(JobLocks.key("import source 1")).isEqualTo(-9166935847517119662L);
    }
}
