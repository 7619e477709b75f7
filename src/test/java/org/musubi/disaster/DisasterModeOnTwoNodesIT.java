package org.musubi.disaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.musubi.database.ChangeVersions;
import org.musubi.database.SecondNode;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Disaster mode on two nodes over one database (issue 41): node A is this test's server, whose switch and designation
 * use cases change it; node B is a second {@link DisasterMode} made as a second node has it, with its own change
 * versions and no periodic refresh. A switch or designation made through node A is in force on node B at B's very
 * next request; within one request node B reads the versions once and keeps its answer.
 */
@MusubiIntegrationTest
class DisasterModeOnTwoNodesIT {

    @Autowired SwitchDisasterMode switching;
    @Autowired DesignateResponder designating;
    @Autowired DisasterRecords records;
    @Autowired TestAccounts accounts;
    @Autowired Facilities facilities;
    @Autowired ApplicationContext context;

    @Test
    void aSwitchMadeOnOneNodeIsInForceOnTheOtherAtItsNextRequest() {
        ChangeVersions versions = SecondNode.changeVersions(context);
        DisasterMode nodeB = new DisasterMode(records, Clock.systemUTC(), () -> versions.current(DisasterMode.KIND));
        long admin = accounts.networkAdmin().id();
        String city = DisasterScenes.uniqueCity();
        List<String> address = List.of("広島県" + city + "本町1-2-3");
        assertThat(request(() -> nodeB.covers(address))).isFalse();

        DisasterPeriod period = switching.on(admin, DisasterArea.of(List.of(new Municipality(34, city))), "二台目の試験", null);
        try {
            assertThat(request(() -> nodeB.covers(address))).as("in force on node B at its very next request").isTrue();
            assertThat(nodeB.covers(address)).as("outside a request too (a job)").isTrue();
            boolean[] sameRequest = new boolean[2];
            request(() -> {
                sameRequest[0] = nodeB.covers(address);
                // node A's request, on a thread of its own
                CompletableFuture.runAsync(() -> switching.off(admin, period.id(), "二台目の試験の終わり")).join();
                sameRequest[1] = nodeB.covers(address);
                return null;
            });
            assertThat(sameRequest).as("one version read per request: the request began with it on")
                    .containsExactly(true, true);
        } finally {
            if (records.open().stream().anyMatch(p -> p.id() == period.id())) {
                switching.off(admin, period.id(), "test clean-up");
            }
        }
        assertThat(request(() -> nodeB.covers(address))).as("switched off on node A: off on node B").isFalse();
    }

    @Test
    void aResponderDesignatedOnOneNodeIsOneOnTheOtherAtItsNextRequest() {
        ChangeVersions versions = SecondNode.changeVersions(context);
        DisasterMode nodeB = new DisasterMode(records, Clock.systemUTC(), () -> versions.current(DisasterMode.KIND));
        long admin = accounts.networkAdmin().id();
        String code = MedicalInstitutionCode.of(34, 1, 100000 + ThreadLocalRandom.current().nextInt(899999)).value();
        Facility team = facilities.insert(new FacilityDraft("二台目DMAT", "ニダイメディーマット", FacilityKind.HOSPITAL, code, 34,
                "広島市", "082-000-0000", true, true, FacilityStatus.ACTIVE));
        assertThat(request(() -> nodeB.responder(team.id()))).isFalse();

        designating.designate(admin, team.id(), true);
        assertThat(request(() -> nodeB.responder(team.id()))).isTrue();
        designating.designate(admin, team.id(), false);
        assertThat(request(() -> nodeB.responder(team.id()))).isFalse();
    }

    /** Runs {@code work} as one HTTP request of node B would (its own request attributes, ended afterwards). */
    private static <T> T request(Supplier<T> work) {
        ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest());
        RequestContextHolder.setRequestAttributes(attributes);
        try {
            return work.get();
        } finally {
            attributes.requestCompleted();
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
