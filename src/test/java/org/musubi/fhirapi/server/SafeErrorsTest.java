package org.musubi.fhirapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Outcome;

/** A failure nobody foresaw is still an attempt: it leaves one audit row, unless one was already written. */
class SafeErrorsTest {

    private final List<AuditEntry> recorded = new ArrayList<>();
    private final Audit audit = new Audit() {
        @Override
        public AuditRecord record(AuditEntry entry) {
            recorded.add(entry);
            return null;
        }

        @Override
        public List<AuditRecord> recordAll(List<AuditEntry> entries) {
            recorded.addAll(entries);
            return List.of();
        }

        @Override
        public List<AuditRecord> recordAllInTransaction(List<AuditEntry> entries) {
            return recordAll(entries);
        }

        @Override
        public boolean recordedForCurrentRequest() {
            return !recorded.isEmpty();
        }
    };

    @Test
    void aWriteThatFailsUnexpectedlyIsAuditedOnceAsAnErrorAndTellsTheCallerNothing() {
        ServletRequestDetails request = new ServletRequestDetails();
        request.setRestOperationType(RestOperationTypeEnum.UPDATE);
        request.setResourceName("Observation");
        request.setId(new IdType("Observation", "abc"));
        SafeErrors errors = new SafeErrors(audit, new org.springframework.context.support.StaticMessageSource());

        var first = errors.hide(request, new IllegalArgumentException("ヤマダ タロウ belongs to another patient"), null);
        errors.hide(request, new IllegalStateException("again"), null);

        assertThat(first).isInstanceOf(InternalErrorException.class);
        assertThat(first.getMessage()).doesNotContain("ヤマダ").contains("An internal error occurred");
        assertThat(recorded).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
            assertThat(entry.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(entry.resourceType()).isEqualTo("Observation");
            assertThat(entry.resourceIds()).containsExactly("abc");
            assertThat(entry.reason()).isEqualTo("internal error: IllegalArgumentException");
        });
    }

    @Test
    void aKnownAnswerPassesThroughUnaudited() {
        ServletRequestDetails request = new ServletRequestDetails();
        request.setRestOperationType(RestOperationTypeEnum.READ);
        ResourceNotFoundException notFound = new ResourceNotFoundException("not here");

        assertThat(new SafeErrors(audit, new org.springframework.context.support.StaticMessageSource()).hide(request, notFound, null)).isSameAs(notFound);
        assertThat(recorded).isEmpty();
    }
}
