package org.musubi.fhirapi.audit;

import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditRecord;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;

/**
 * One audit row as an AuditEvent shaped after IHE Basic Audit Log Patterns (BALP): RESTful
 * interaction type and subtype, action, outcome, the purpose of use, the user as agent, Musubi as
 * source, the patient (regional ID) and the resources touched as entities.
 */
final class AuditEvents {

    static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    static final String REST = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String MUSUBI_ACTIONS = "urn:musubi:audit-action";
    private static final Map<AuditAction, String[]> REST_ACTIONS = Map.of(
            AuditAction.READ, new String[] {"read", "R", "IHE.BasicAudit.PatientRead"},
            AuditAction.SEARCH, new String[] {"search-type", "E", "IHE.BasicAudit.PatientQuery"},
            AuditAction.CREATE, new String[] {"create", "C", "IHE.BasicAudit.PatientCreate"},
            AuditAction.UPDATE, new String[] {"update", "U", "IHE.BasicAudit.PatientUpdate"},
            AuditAction.DELETE, new String[] {"delete", "D", "IHE.BasicAudit.PatientDelete"});

    private AuditEvents() {
    }

    static AuditEvent of(AuditRecord row, String regionalIdSystem) {
        AuditEvent event = new AuditEvent();
        event.setId(String.valueOf(row.seq()));
        String[] rest = REST_ACTIONS.get(row.action());
        if (rest != null) {
            event.setType(new Coding(REST, "rest", "Restful Operation"));
            event.addSubtype(new Coding(INTERACTION, rest[0], null));
            event.setAction(AuditEvent.AuditEventAction.fromCode(rest[1]));
            if (row.patientId() != null) {
                event.getMeta().addProfile(BALP + rest[2]);
            }
        } else {
            event.setType(new Coding(MUSUBI_ACTIONS, row.action().name(), null));
            event.setAction(AuditEvent.AuditEventAction.E);
        }
        event.setRecorded(Date.from(row.occurredAt()));
        event.setOutcome(switch (row.outcome()) {
            case PERMIT -> AuditEvent.AuditEventOutcome._0;
            case DENY -> AuditEvent.AuditEventOutcome._4;
            case ERROR -> AuditEvent.AuditEventOutcome._8;
        });
        event.setOutcomeDesc(row.reason());
        if (row.purpose() != null) {
            event.addPurposeOfEvent().addCoding(new Coding(ACT_REASON, reason(row.purpose()), row.purpose().name()));
        }
        agent(event, row);
        event.getSource().setObserver(new Reference().setDisplay("Musubi")).addType(
                new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        entities(event, row, regionalIdSystem);
        return event;
    }

    private static void agent(AuditEvent event, AuditRecord row) {
        AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
        if (row.actor() != null && row.actor().loginId() != null) {
            agent.setWho(new Reference().setIdentifier(new Identifier().setSystem("urn:musubi:login-id")
                    .setValue(row.actor().loginId())));
            agent.setName(row.actor().profession());
        }
        if (row.actor() != null && row.actor().facilityId() != null) {
            agent.setLocation(new Reference("Organization/facility-" + row.actor().facilityId()));
        }
        if (row.origin() != null && row.origin().clientIp() != null) {
            agent.getNetwork().setAddress(row.origin().clientIp()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
    }

    private static void entities(AuditEvent event, AuditRecord row, String regionalIdSystem) {
        if (row.patientId() != null) {
            event.addEntity().setWhat(new Reference().setIdentifier(new Identifier().setSystem(regionalIdSystem)
                    .setValue(row.patientId()))).setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1",
                    "Patient"));
        }
        for (String id : row.resourceIds()) {
            event.addEntity().setWhat(new Reference(row.resourceType() == null ? id : row.resourceType() + "/" + id))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"));
        }
    }

    static String reason(Purpose purpose) {
        return switch (purpose) {
            case TREATMENT -> "TREAT";
            case EMERGENCY -> "ETREAT";
            case PATIENT_SELF_ACCESS -> "PATRQT";
            case OPERATIONS -> "HOPERAT";
            case RESEARCH -> "HRESCH";
            case OWN_RECORDS -> "TREAT";
        };
    }

    static Outcome outcome(String code) {
        return switch (code) {
            case "0" -> Outcome.PERMIT;
            case "4" -> Outcome.DENY;
            case "8" -> Outcome.ERROR;
            default -> null;
        };
    }
}
