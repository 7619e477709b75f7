package org.musubi.record.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a resource of an R4 type names its patient, read from HAPI's own definitions rather than typed by hand: the
 * search parameters that give membership in the Patient compartment ({@link RuntimeSearchParam#getProvidesMembershipInCompartments()}
 * containing {@code Patient}) and their FHIRPath. Several parameters of a type may give membership (an Observation's
 * {@code subject} and {@code performer}, a Coverage's {@code beneficiary}, {@code subscriber}, {@code payor} …);
 * the one that names the patient the record is about is, in this order:
 * <ol>
 *   <li>the parameter whose only target is Patient ({@code AllergyIntolerance.patient}, {@code Coverage.beneficiary},
 *       {@code Provenance.target.where(resolve() is Patient)}, {@code EnrollmentRequest.candidate} …; {@code patient}
 *       first when there are several);</li>
 *   <li>else the parameter named {@code subject} ({@code Observation.subject}, {@code Composition.subject} …);</li>
 *   <li>else the parameter named {@code actor} ({@code Appointment.participant.actor}, {@code Schedule.actor}).</li>
 * </ol>
 * A type none of these fits ({@code Group.member}: a list of members, not one patient's record) or whose parameter's
 * FHIRPath is a union ({@code AuditEvent}) has no patient reference here. Its path is the parameter's FHIRPath without
 * the type and without {@code .where(resolve() is Patient)}.
 *
 * <p>Where that path can hold several references (an element or one of its parents repeats:
 * {@code Provenance.target}, {@code Appointment.participant.actor}, {@code Account.subject}), or names a participant
 * (rule 3: {@code AppointmentResponse.actor} is a practitioner's answer as often as a patient's), the others may name
 * anything, so only the references to a Patient name the patient ({@link PatientPath#amongOthers()}), and the patient
 * is optional. Otherwise the one reference there must be to the patient (a {@code Group/…} or {@code Device/…}
 * subject is refused, as ever), and it is required when every element on the path is ({@code min ≥ 1}).
 */
final class PatientCompartment {

    private static final String PATIENT = "Patient";
    private static final String ACTOR = "actor";
    private static final Pattern WHERE_PATIENT = Pattern.compile("\\.where\\(resolve\\(\\) is Patient\\)$");
    private static final Pattern SIMPLE = Pattern.compile("[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)*");
    private static final Pattern LITERAL = Pattern.compile(
            "(?:^|/)([A-Z][A-Za-z]+)/[A-Za-z0-9\\-.]{1,64}(?:/_history/[A-Za-z0-9\\-.]{1,64})?$");

    /**
     * The reference to the patient of one type.
     *
     * @param path        FHIRPath from the resource, e.g. {@code subject}, {@code participant.actor}
     * @param required    whether R4 requires it (every element on the path {@code min ≥ 1}; never for {@code amongOthers})
     * @param amongOthers whether the path holds references to other things too, of which only those to a Patient count
     */
    record PatientPath(String path, boolean required, boolean amongOthers) {
    }

    private PatientCompartment() {
    }

    /** The patient reference of {@code type}, if R4 places it in the Patient compartment by one of the rules above. */
    static Optional<PatientPath> of(FhirContext context, String type) {
        RuntimeResourceDefinition definition = context.getResourceDefinition(type);
        List<RuntimeSearchParam> members = definition.getSearchParams().stream()
                .filter(p -> p.getProvidesMembershipInCompartments() != null
                        && p.getProvidesMembershipInCompartments().contains(PATIENT))
                .sorted(Comparator.comparing((RuntimeSearchParam p) -> !p.getName().equals("patient"))
                        .thenComparing(RuntimeSearchParam::getName))
                .toList();
        Optional<RuntimeSearchParam> chosen = members.stream().filter(p -> p.getTargets().equals(Set.of(PATIENT)))
                .findFirst()
                .or(() -> members.stream().filter(p -> p.getName().equals("subject")).findFirst())
                .or(() -> members.stream().filter(p -> p.getName().equals(ACTOR)).findFirst());
        return chosen.flatMap(p -> path(type, p.getPath()).map(path -> reference(definition, path,
                p.getName().equals(ACTOR) && !p.getTargets().equals(Set.of(PATIENT)))));
    }

    /** {@code Type.a.b[.where(resolve() is Patient)]} as {@code a.b}; nothing for any other form. */
    private static Optional<String> path(String type, String fhirPath) {
        String path = WHERE_PATIENT.matcher(fhirPath.strip()).replaceFirst("");
        if (!path.startsWith(type + ".")) {
            return Optional.empty();
        }
        path = path.substring(type.length() + 1);
        return SIMPLE.matcher(path).matches() ? Optional.of(path) : Optional.empty();
    }

    private static PatientPath reference(RuntimeResourceDefinition definition, String path, boolean participant) {
        boolean required = true;
        boolean repeats = participant;
        BaseRuntimeElementCompositeDefinition<?> at = definition;
        for (String name : path.split("\\.")) {
            BaseRuntimeChildDefinition child = at.getChildByName(name);
            if (child == null) {
                throw new IllegalStateException(definition.getName() + "." + path + " is not an element path");
            }
            required &= child.getMin() >= 1;
            repeats |= child.getMax() != 1;
            BaseRuntimeElementDefinition<?> element = child instanceof RuntimeChildChoiceDefinition
                    ? null : child.getChildByName(name);
            if (element instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
                at = composite;
            }
        }
        return new PatientPath(path, required && !repeats, repeats);
    }

    /**
     * Whether a reference is to a Patient, by its literal ({@code Patient/1}, {@code …/fhir/Patient/1/_history/2},
     * {@code Patient?identifier=…}) or, when it has none, its {@code type}.
     */
    static boolean toPatient(String literal, String type) {
        if (literal == null || literal.isBlank()) {
            return PATIENT.equals(type);
        }
        int query = literal.indexOf('?');
        if (query >= 0) {
            String target = literal.substring(0, query);
            return target.equals(PATIENT) || target.endsWith("/" + PATIENT);
        }
        Matcher typed = LITERAL.matcher(literal);
        return typed.find() && typed.group(1).equals(PATIENT);
    }
}
