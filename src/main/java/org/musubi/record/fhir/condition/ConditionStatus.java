package org.musubi.record.fhir.condition;

import static org.musubi.record.fhir.FhirJson.text;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.musubi.record.fhir.FhirSystems;
import tools.jackson.databind.JsonNode;

/**
 * How a stored Condition stands: its clinical status (HL7's code, {@code null} when not given), how sure its sender is
 * ({@link Verification}) and whether it has abated. The one reading of {@code clinicalStatus}, {@code verificationStatus}
 * and {@code abatement[x]} for every screen, letter, API answer and count.
 *
 * <p>疑い (a suspected diagnosis) is {@code unconfirmed} in JP-CLINS ({@code JP_Condition_eCS}: 「疑い病名の場合には、
 * unconfirmedを設定し」), so every importer writes it so ({@link #SUSPECTED}); FHIR's two narrower codes,
 * {@code provisional} and {@code differential}, are kinds of {@code unconfirmed} and read as 疑い too, as a sender's
 * FHIR resource (stored as sent) or a receipt imported before 2026-11-28 has them.
 *
 * @param clinical     the clinical status's HL7 code, or {@code null}
 * @param verification how sure the sender is
 * @param sent         the verification code as the sender wrote it ({@code provisional} …), or {@code null}
 * @param abated       whether an {@code abatement[x]} is given (the diagnosis ended)
 */
public record ConditionStatus(String clinical, Verification verification, String sent, boolean abated) {

    /** The verification code every importer writes for 疑い. */
    public static final String SUSPECTED = "unconfirmed";
    /** The verification code every importer writes for a diagnosis that is not 疑い. */
    public static final String CONFIRMED = "confirmed";

    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");
    private static final Set<String> ABATEMENTS = Set.of("abatementDateTime", "abatementAge", "abatementPeriod",
            "abatementRange", "abatementString", "abatementBoolean");

    /** How sure the sender is of a diagnosis. */
    public enum Verification {
        /** {@code confirmed}. */
        CONFIRMED,
        /** 疑い: {@code unconfirmed}, {@code provisional} or {@code differential}. */
        SUSPECTED,
        /** {@code refuted}: ruled out. */
        REFUTED,
        /** {@code entered-in-error}: never a diagnosis at all. */
        ENTERED_IN_ERROR,
        /** Not given (or a code outside HL7's table): taken as the sender's plain statement. */
        UNSTATED;

        static Verification of(String code) {
            if (code == null) {
                return UNSTATED;
            }
            return switch (code) {
                case "confirmed" -> CONFIRMED;
                case "unconfirmed", "provisional", "differential" -> SUSPECTED;
                case "refuted" -> REFUTED;
                case "entered-in-error" -> ENTERED_IN_ERROR;
                default -> UNSTATED;
            };
        }
    }

    /** The status of a stored Condition's JSON. */
    public static ConditionStatus of(JsonNode condition) {
        boolean abated = false;
        for (String name : ABATEMENTS) {
            JsonNode value = condition.path(name);
            abated |= !value.isMissingNode() && !value.isNull() && !(value.isBoolean() && !value.asBoolean());
        }
        String sent = code(condition.path("verificationStatus"), FhirSystems.CONDITION_VERIFICATION);
        return new ConditionStatus(code(condition.path("clinicalStatus"), FhirSystems.CONDITION_CLINICAL),
                Verification.of(sent), sent, abated);
    }

    /**
     * The verification status every writer gives a diagnosis: {@link #SUSPECTED} ({@code unconfirmed}) for 疑い, else
     * {@link #CONFIRMED} — the importers (SS-MIX2, UKE, ORCA), a facility's hand-published note and a letter's document.
     */
    public static CodeableConcept verification(boolean suspected) {
        return new CodeableConcept(new Coding(FhirSystems.CONDITION_VERIFICATION, suspected ? SUSPECTED : CONFIRMED,
                suspected ? "Unconfirmed" : "Confirmed"));
    }

    /**
     * The diagnosis's outcome (転帰) in its sender's words, from JP Core's disease-outcome extension ({@code 死亡},
     * {@code 治ゆ}, {@code 中止（転医）} …): its text, else its first coding's display; {@code null} when none is given. The
     * clinical status says how the diagnosis stands; this says what became of it, which the status alone cannot (a
     * death and a transfer are both {@code inactive}).
     */
    public static String outcome(JsonNode condition) {
        for (JsonNode extension : condition.path("extension")) {
            if (FhirSystems.DISEASE_OUTCOME.equals(text(extension.path("url")))) {
                JsonNode value = extension.path("valueCodeableConcept");
                String words = text(value.path("text"));
                return words != null ? words : text(value.path("coding").path(0).path("display"));
            }
        }
        return null;
    }

    /** The status of a Condition held in HAPI's model (a document's entry about to be served). */
    public static ConditionStatus of(Condition condition) {
        boolean abated = condition.hasAbatement();
        String sent = code(condition.getVerificationStatus(), FhirSystems.CONDITION_VERIFICATION);
        return new ConditionStatus(code(condition.getClinicalStatus(), FhirSystems.CONDITION_CLINICAL),
                Verification.of(sent), sent, abated);
    }

    /** Whether a Condition held in HAPI's model states a verification status at all (JP-CLINS asks for one). */
    public static boolean stated(Condition condition) {
        return condition.hasVerificationStatus();
    }

    /**
     * The verification code a JP-CLINS document writes for this status: {@link #SUSPECTED} for every kind of 疑い (a
     * sender's {@code provisional} is a kind of {@code unconfirmed}, which JP-CLINS asks for), else the code as sent.
     */
    public String clinsVerification() {
        return suspected() ? SUSPECTED : sent;
    }

    private static String code(CodeableConcept concept, String system) {
        for (Coding coding : concept.getCoding()) {
            if (system.equals(coding.getSystem()) && coding.hasCode()) {
                return coding.getCode();
            }
        }
        return concept.getCodingFirstRep().getCode();
    }

    /** HL7's code in a status concept: the coding of {@code system}, else the first coding's code. */
    private static String code(JsonNode concept, String system) {
        for (JsonNode coding : concept.path("coding")) {
            if (system.equals(text(coding.path("system"))) && text(coding.path("code")) != null) {
                return text(coding.path("code"));
            }
        }
        return text(concept.path("coding").path(0).path("code"));
    }

    /**
     * Whether the diagnosis holds now: its clinical status active, recurrence or relapse, or not given (a sender that
     * says nothing has not said "resolved"); not abated; neither refuted nor entered in error.
     */
    public boolean active() {
        return (clinical == null || ACTIVE.contains(clinical)) && !abated && counted();
    }

    /** 疑い. */
    public boolean suspected() {
        return verification == Verification.SUSPECTED;
    }

    /** Entered in error: no diagnosis at all, shown nowhere. */
    public boolean enteredInError() {
        return verification == Verification.ENTERED_IN_ERROR;
    }

    /**
     * Whether the Condition is a diagnosis the patient has or had (or is suspected of): neither refuted nor entered in
     * error. What counts (surveillance, research cohorts) and what lists show.
     */
    public boolean counted() {
        return verification != Verification.REFUTED && verification != Verification.ENTERED_IN_ERROR;
    }
}
