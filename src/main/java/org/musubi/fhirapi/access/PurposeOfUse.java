package org.musubi.fhirapi.access;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.musubi.audit.Purpose;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The purpose of use a caller declares with the {@code X-Purpose-Of-Use} header, as HL7 v3
 * ActReason codes (IHE IUA / BALP): {@code TREAT} (the default), {@code ETREAT} (emergency; still
 * needs an open break-the-glass), {@code HOPERAT} (operations), {@code PATRQT} (the patient's own
 * request), {@code HRESCH} (research, which the policy never grants on records). The policy decides
 * with it and the audit trail keeps it.
 */
final class PurposeOfUse {

    static final String HEADER = "X-Purpose-Of-Use";
    private static final Map<String, Purpose> CODES = Map.of("TREAT", Purpose.TREATMENT, "ETREAT", Purpose.EMERGENCY,
            "HOPERAT", Purpose.OPERATIONS, "PATRQT", Purpose.PATIENT_SELF_ACCESS, "HRESCH", Purpose.RESEARCH);

    private PurposeOfUse() {
    }

    public static Purpose current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Purpose.TREATMENT;
        }
        return of(attributes.getRequest());
    }

    static Purpose of(HttpServletRequest request) {
        String code = request.getHeader(HEADER);
        if (code == null || code.isBlank()) {
            return Purpose.TREATMENT;
        }
        Purpose purpose = CODES.get(code.strip().toUpperCase(Locale.ROOT));
        if (purpose == null) {
            throw new InvalidRequestException(HEADER + " は " + CODES.keySet().stream().sorted().toList()
                    + " のいずれかです / " + HEADER + " must be one of " + CODES.keySet().stream().sorted().toList());
        }
        return purpose;
    }
}
