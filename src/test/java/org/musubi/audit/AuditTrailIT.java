package org.musubi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.musubi.audit.cli.AuditVerifyCommand;
import org.musubi.database.OwnerDatabase;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

@MusubiIntegrationTest
class AuditTrailIT {

    @Autowired
    Audit audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate app;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    AuditVerifyCommand command;

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncateAuditRows() {
        long seq = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Patient", "p1")).seq();

        assertThatThrownBy(() -> app.update("UPDATE audit_event SET reason = 'x' WHERE seq = ?", seq))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("DELETE FROM audit_event WHERE seq = ?", seq))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(app.queryForObject("SELECT current_user", String.class)).isEqualTo("musubi_app");
    }

    @Test
    void eventheSchemaOwnerIsStoppedByTheAppendOnlyTrigger() {
        long seq = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT)).seq();
        JdbcTemplate asOwner = new JdbcTemplate(owner.dataSource());

        assertThatThrownBy(() -> asOwner.update("UPDATE audit_event SET reason = 'x' WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> asOwner.update("DELETE FROM audit_event WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void verifyReportsAnEditedRowAndPassesOnceItIsRestored() {
        long seq = audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Observation", "o1")
                .patient("0000000000000001").purpose(Purpose.TREATMENT)).seq();
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT));
        assertThat(trail.verify().intact()).isTrue();

        tamper("UPDATE audit_event SET patient_id = '0000000000000002' WHERE seq = " + seq);
        try {
            VerificationReport report = trail.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.faults()).extracting(VerificationReport.Fault::seq, VerificationReport.Fault::kind)
                    .containsExactly(Tuple.tuple(seq, "altered"));
            assertThat(run(command)).contains("FAULT seq " + seq).contains("FAILED");
        } finally {
            tamper("UPDATE audit_event SET patient_id = '0000000000000001' WHERE seq = " + seq);
        }
        assertThat(trail.verify().intact()).isTrue();
        assertThat(run(command)).contains("OK");
    }

    @Test
    void verifyReportsAMissingRow() {
        long seq = audit.record(AuditEntry.of(AuditAction.SEARCH, Outcome.DENY).reason("no consent")).seq();
        audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT));
        JdbcTemplate asOwner = new JdbcTemplate(owner.dataSource());
        asOwner.execute("CREATE TABLE removed_audit_row AS SELECT * FROM audit_event WHERE seq = " + seq);

        tamper("DELETE FROM audit_event WHERE seq = " + seq);
        try {
            assertThat(trail.verify().faults()).extracting(VerificationReport.Fault::kind).contains("missing");
        } finally {
            asOwner.execute("INSERT INTO audit_event SELECT * FROM removed_audit_row");
            asOwner.execute("DROP TABLE removed_audit_row");
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        long before = app.queryForObject("SELECT max(seq) FROM audit_event", Long.class);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, 400).forEach(i -> pool.submit(() ->
                    audit.record(AuditEntry.of(AuditAction.READ, Outcome.PERMIT).on("Observation", i))));
        }

        assertThat(app.queryForObject("SELECT count(*) FROM audit_event WHERE seq > ?", Long.class, before))
                .isEqualTo(400);
        assertThat(trail.verify().intact()).isTrue();
    }

    private void tamper(String sql) {
        JdbcTemplate asOwner = new JdbcTemplate(owner.dataSource());
        asOwner.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete");
        try {
            asOwner.execute(sql);
        } finally {
            asOwner.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete");
        }
    }

    private static String run(AuditVerifyCommand command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
