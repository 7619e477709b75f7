package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.record.fhir.BaseValidation;
import org.musubi.record.fhir.ClinsRules;
import org.musubi.record.fhir.Fault;
import org.musubi.record.fhir.KnownDeviations;
import org.musubi.record.fhir.StructureRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an incoming resource passes before it is stored: base FHIR R4 ({@link StructureRules} in mode
 * {@code standard}, HAPI's instance validator in mode {@code full}) and Musubi's rules ({@link ClinsRules}).
 * A refusal is a 422 whose OperationOutcome names each element. In mode {@code full} with the JP Core and JP-CLINS
 * packages configured ({@code musubi.fhir.validation-packages}), a resource is also validated against the profiles it
 * claims, and each fault names its profile (docs/letters.md).
 *
 * <p>A JSON request body is validated once, whole, as it arrives ({@link IncomingBodyInterceptor}),
 * and what was found stays on the parsed resources ({@link BodyFaults}) until each is written: the
 * validator's cost per call is paid once per request, not once per Bundle entry, and unknown elements
 * are seen before HAPI's parser drops them. A resource that did not come that way is validated on its own.
 *
 * <p>A fault that is a known real-world deviation ({@link KnownDeviations}) the operator tolerates
 * ({@code musubi.fhir.validation-deviations}, all by default) does not refuse: the resource is stored and
 * the fault kept on it as a warning ({@link ValidationWarnings}) for the write's answer.
 */
@Component
public class IncomingValidation {

    private static final Logger log = LoggerFactory.getLogger(IncomingValidation.class);

    private final BaseValidation base;
    private final StructureRules structure;
    private final boolean full;
    private final boolean checksBase;
    private final Set<String> tolerated;

    IncomingValidation(BaseValidation base, StructureRules structure, FhirApiProperties properties) {
        this.base = base;
        this.structure = structure;
        this.full = properties.validatesBaseR4();
        this.checksBase = properties.checksBaseR4();
        this.tolerated = properties.toleratedDeviations();
    }

    /** Whether a body is checked against base R4 as it arrives (modes standard and full). */
    boolean checksBodies() {
        return checksBase;
    }

    /**
     * Refuses the resource with 422 when it fails base R4 (modes standard and full) or Musubi's rules; tolerated
     * deviations are kept on it as warnings ({@link ValidationWarnings#of}).
     */
    public void check(IBaseResource resource) {
        List<Fault> faults = new ArrayList<>();
        if (checksBase) {
            List<Fault> found = BodyFaults.of(resource);
            faults.addAll(found != null ? found : full ? base.check(resource) : structure.check(encoded(resource)));
        }
        List<Fault> rules = ClinsRules.check(resource);
        faults.addAll(full ? base.naming(rules, resource) : rules);
        KnownDeviations.Findings findings = KnownDeviations.sort(faults, tolerated);
        if (!findings.refusing().isEmpty()) {
            throw refusal(findings.refusing());
        }
        ValidationWarnings.keep(resource, findings.warnings());
    }

    /** Refuses a transaction or batch whose body had faults outside any entry's resource. */
    public void checkBundle(Bundle bundle) {
        List<Fault> found = BodyFaults.of(bundle);
        if (found != null && !found.isEmpty()) {
            throw refusal(found);
        }
    }

    /**
     * Validates a JSON body once and keeps what was found on the parsed resource (or its entries).
     * Faults the parser saw that the validator did not report are kept on the parsed resource.
     */
    void attach(IBaseResource parsed, String json, List<Fault> parseFaults) {
        List<Fault> faults = full ? fullCheck(json) : structure.check(json);
        BodyFaults.attach(parsed, faults.isEmpty() ? parseFaults : faults);
    }

    /**
     * HAPI's validator on a body; where it fails itself (it throws on a conditional reference whose identifier
     * system is a URL without a path, {@code Patient?identifier=http://hospital.example.org|123}), the body is
     * checked by the structure rules instead of answering 500. The log names the exception's type only: its
     * message may quote the body.
     */
    private List<Fault> fullCheck(String json) {
        try {
            return base.checkJson(json);
        } catch (RuntimeException e) {
            log.warn("HAPI's FHIR validator failed on a request body ({}); checked with the structure rules instead",
                    e.getClass().getName());
            return structure.check(json);
        }
    }

    private String encoded(IBaseResource resource) {
        return structure.context().newJsonParser().encodeResourceToString(resource);
    }

    static UnprocessableEntityException refusal(List<Fault> faults) {
        OperationOutcome outcome = new OperationOutcome();
        for (Fault f : faults) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(issueType(f.issueType()))
                    .setDiagnostics(f.diagnostics()).addExpression(f.element());
        }
        return new UnprocessableEntityException(String.join("; ", faults.stream().map(Fault::diagnostics).toList()),
                outcome);
    }

    static OperationOutcome.IssueType issueType(String code) {
        try {
            return OperationOutcome.IssueType.fromCode(code);
        } catch (FHIRException e) {
            return OperationOutcome.IssueType.INVALID;
        }
    }
}
