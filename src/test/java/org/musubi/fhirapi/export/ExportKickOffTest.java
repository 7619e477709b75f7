package org.musubi.fhirapi.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;
import org.musubi.audit.AuditEntry;
import org.musubi.database.Standby;
import org.musubi.security.SignedIn;
import org.musubi.testing.AuditedEntries;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The kick-off's decisions that need no database: a read-only standby refuses to start an export (503, its message,
 * one audit row) before any job row is written, a researcher's too; the parameters the kick-off takes and those it
 * refuses; the types a research project's approved categories give.
 */
class ExportKickOffTest {

    private final AuditedEntries audit = new AuditedEntries();
    private final List<AuditEntry> audited = audit.entries();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aReadOnlyStandbyRefusesTheKickOffBeforeWritingAnything() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn(7, "client", "システム", 3L, "FACILITY_SYSTEM", false, Set.of()), null,
                List.of(new SimpleGrantedAuthority("ROLE_API"), new SimpleGrantedAuthority("SCOPE_system/*.read"))));
        // no job store, no blob store, no locks: the standby refuses before any of them is used
        ExportKickOff kickOff = standbyKickOff();
        ServletRequestDetails details = new ServletRequestDetails();
        details.setParameters(Map.of());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/$export");
        request.addHeader("Prefer", "respond-async");

        assertThatThrownBy(() -> kickOff.system(details, request, new MockHttpServletResponse()))
                .isInstanceOf(BaseServerResponseException.class).hasMessageContaining("read-only standby")
                .satisfies(e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isEqualTo(503));
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("bulk.readOnlyStandby 503"));
    }

    /**
     * A researcher's kick-off of a project's Group on a read-only standby: refused as a facility's export is (503, one
     * audit row), before any project, extraction or queue is looked at (there is none here).
     */
    @Test
    void aReadOnlyStandbyRefusesAResearchKickOffBeforeLookingAtAnyProject() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn(8, "doctor", "研究医師", 3L, "DOCTOR", false, Set.of()), null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        ExportKickOff kickOff = standbyKickOff();
        ServletRequestDetails details = new ServletRequestDetails();
        details.setParameters(Map.of());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Group/research-1/$export");
        request.addHeader("Prefer", "respond-async");
        request.addHeader("X-Purpose-Of-Use", "HRESCH");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            assertThatThrownBy(() -> kickOff.group(new IdType("Group", "research-1"), details, request,
                    new MockHttpServletResponse()))
                    .isInstanceOf(BaseServerResponseException.class).hasMessageContaining("read-only standby")
                    .satisfies(e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isEqualTo(503));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("bulk.readOnlyStandby 503"));
    }

    @Test
    void aProjectsApprovedCategoriesGiveItsTypes() {
        assertThat(ResearchExports.approvedTypes(Set.of(org.musubi.policy.DataCategory.DIAGNOSES)))
                .contains("Patient", "Condition").doesNotContain("Observation", "MedicationRequest", "Claim");
        assertThat(ResearchExports.approvedTypes(Set.of(org.musubi.policy.DataCategory.VITALS)))
                .containsExactly("Observation", "Patient");
        assertThat(ResearchExports.approvedTypes(Set.of(org.musubi.policy.DataCategory.LAB_RESULTS)))
                .contains("Observation", "DiagnosticReport").doesNotContain("Condition");
    }

    @Test
    void aResearchManifestListsTheExtractionsFilesOfTheAskedTypesUnderTheStatusUrl() {
        var ready = new org.musubi.research.BulkExtractions.Ready(12, java.time.Instant.parse("2026-11-27T00:00:00Z"),
                List.of(new org.musubi.research.BulkExtractions.Output("Condition", 7),
                        new org.musubi.research.BulkExtractions.Output("Patient", 6)));
        assertThat(ResearchExports.manifest(ready, 40, "https://musubi.example/fhir", null)).isEqualTo(
                "{\"transactionTime\":\"2026-11-27T00:00:00Z\",\"request\":\"https://musubi.example/fhir/Group/research-12"
                + "/$export\",\"requiresAccessToken\":true,\"output\":[{\"type\":\"Condition\",\"url\":\"https://"
                + "musubi.example/fhir/bulk/research-40/Condition.ndjson\",\"count\":7},{\"type\":\"Patient\",\"url\":"
                + "\"https://musubi.example/fhir/bulk/research-40/Patient.ndjson\",\"count\":6}],\"error\":[]}");
        assertThat(ResearchExports.manifest(ready, 40, "https://musubi.example/fhir", Set.of("Patient")))
                .contains("/$export?_type=Patient\"", "Patient.ndjson").doesNotContain("Condition");
    }

    @Test
    void theKickOffTakesNdjsonTypesAndAnInstantAndRefusesTheRest() {
        ExportParameters asked = ExportParameters.of(Map.of("_type", new String[] {"Observation, Condition"},
                "_since", new String[] {"2026-01-01T00:00:00 09:00"}, "_outputFormat",
                new String[] {"application/fhir ndjson"}), "respond-async");
        assertThat(asked.types()).containsExactly("Observation", "Condition");
        assertThat(asked.since()).isEqualTo(java.time.Instant.parse("2025-12-31T15:00:00Z"));
        assertThat(ExportParameters.of(Map.of(), "handling=lenient, respond-async").types()).isNull();
        for (Map<String, String[]> refused : List.<Map<String, String[]>>of(Map.of("_type", new String[] {"Group"}),
                Map.of("_type", new String[] {"Organization"}), Map.of("_since", new String[] {"2026-01-01"}),
                Map.of("_outputFormat", new String[] {"application/fhir+json"}),
                Map.of("_elements", new String[] {"id"}), Map.of("patient", new String[] {"Patient/1"}))) {
            assertThatThrownBy(() -> ExportParameters.of(refused, "respond-async"))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> ExportParameters.of(Map.of(), null)).hasMessageContaining("Prefer: respond-async");
    }

    /** A kick-off on a read-only standby with no job store, blob store, locks or projects: nothing may be reached. */
    private ExportKickOff standbyKickOff() {
        ExportParts parts = new ExportParts(null, null, null, audit, new ExportProperties(java.time.Duration.ofHours(24),
                java.time.Duration.ofMinutes(10), DataSize.ofGigabytes(2), 2));
        return new ExportKickOff(new ExportRunner(null, parts), parts, Standby.fixed(true),
                new ResearchExports(null, audit, Standby.fixed(true)));
    }
}
