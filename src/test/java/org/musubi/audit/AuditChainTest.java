package org.musubi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    @Test
    void anUntouchedChainVerifies() {
        List<AuditRecord> chain = chain(5);

        VerificationReport report = verify(chain);

        assertThat(report.intact()).isTrue();
        assertThat(report.rowsChecked()).isEqualTo(5);
    }

    @Test
    void detectsAChangedField() {
        List<AuditRecord> chain = chain(5);
        AuditRecord r = chain.get(2);
        chain.set(2, new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.origin(), r.action(), r.resourceType(),
                r.resourceIds(), r.patientId(), r.purpose(), Outcome.PERMIT.equals(r.outcome()) ? Outcome.DENY : Outcome.PERMIT,
                r.reason(), r.prevHash(), r.hash()));

        assertThat(verify(chain).faults()).extracting(VerificationReport.Fault::kind).containsExactly("altered");
    }

    @Test
    void detectsARemovedRowInTheMiddle() {
        List<AuditRecord> chain = chain(5);
        chain.remove(2);

        assertThat(verify(chain).faults()).extracting(VerificationReport.Fault::kind).containsExactly("missing", "brokenLink");
    }

    @Test
    void detectsRowsRemovedFromTheEnd() {
        List<AuditRecord> chain = chain(5);
        AuditRecord last = chain.getLast();
        chain.removeLast();

        VerificationReport report = AuditChain.verify(chain.iterator(), last.seq(), last.hash());

        assertThat(report.faults()).extracting(VerificationReport.Fault::kind).containsExactly("tailMissing");
    }

    @Test
    void detectsARowReplacedWithARehashedForgery() {
        List<AuditRecord> chain = chain(5);
        AuditRecord original = chain.get(1);
        AuditRecord forged = new AuditRecord(original.seq(), original.occurredAt(), Actor.system("forger"),
                original.origin(), original.action(), original.resourceType(), original.resourceIds(),
                original.patientId(), original.purpose(), original.outcome(), original.reason(), null, null)
                .chainedTo(original.seq(), original.prevHash());
        chain.set(1, forged);

        assertThat(verify(chain).faults()).extracting(VerificationReport.Fault::kind).containsExactly("brokenLink");
    }

    private static VerificationReport verify(List<AuditRecord> chain) {
        AuditRecord last = chain.getLast();
        return AuditChain.verify(chain.iterator(), last.seq(), last.hash());
    }

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> chain = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord unsealed = new AuditRecord(0, Instant.ofEpochMilli(1_700_000_000_000L + i),
                    new Actor((long) i, "user" + i, 1L, "DOCTOR"), new Origin("127.0.0.1", "test", "req" + i),
                    AuditAction.READ, "Observation", List.of("o" + i), "0000000000000001", Purpose.TREATMENT,
                    Outcome.PERMIT, null, null, null);
            AuditRecord sealed = unsealed.chainedTo(i, previous);
            chain.add(sealed);
            previous = sealed.hash();
        }
        return chain;
    }
}
