package org.musubi.policy;

import java.util.List;
import java.util.Objects;

/**
 * Access is allowed; {@code rule} is the message key of the rule that allowed it.
 *
 * <pre>
 * | key | 日本語 | English |
 * |---|---|---|
 * | `policy.permit.patientSelfAccess` | ご本人による閲覧です | The patient is viewing their own record |
 * | `policy.permit.proxyAccess` | ご本人が認めた代理人による閲覧です | A proxy the patient appointed is viewing their record |
 * | `policy.permit.operationsDemographics` | ネットワーク管理者による基本情報の管理です | A network administrator is managing identity (demographics only) |
 * | `policy.permit.ownFacilityData` | 自施設の記録です | The data comes from the requester's own facility |
 * | `policy.permit.emergencyAccess` | 緊急時アクセス（ブレークグラス）による閲覧です | Emergency (break-the-glass) access to the minimum dataset |
 * | `policy.permit.treatmentConsentAndLink` | 同意があり、連携済みの施設による診療目的の閲覧です | Treatment by a linked facility under the patient's consent |
 * | `policy.permit.ownSourceData` | 自施設が送った記録の参照です（非常時バックアップ） | The facility's own records it sent (emergency backup) |
 * | `policy.permit.ownPatient` | 自施設の患者としての参照です（連携なし：自施設の記録のみ） | The facility's own patient, without a link: its own records only |
 * </pre>
 */
public record Permit(String rule) implements Decision {

    public static final String PATIENT_SELF_ACCESS = "policy.permit.patientSelfAccess";
    /** A resident's proxy (代理人) acting for them while the grant is live. */
    public static final String PROXY_ACCESS = "policy.permit.proxyAccess";
    public static final String OPERATIONS_DEMOGRAPHICS = "policy.permit.operationsDemographics";
    public static final String OWN_FACILITY_DATA = "policy.permit.ownFacilityData";
    public static final String EMERGENCY_ACCESS = "policy.permit.emergencyAccess";
    public static final String TREATMENT_CONSENT_AND_LINK = "policy.permit.treatmentConsentAndLink";
    /** Treatment by a live member of the person's care team, with the person's consent (no link of their facility). */
    public static final String CARE_TEAM_MEMBER = "policy.permit.careTeamMember";
    /** Purpose {@code OWN_RECORDS}: what the requester's own facility sent, to its clinical staff (非常時バックアップ). */
    public static final String OWN_SOURCE_DATA = "policy.permit.ownSourceData";
    /**
     * The person asked through a patient of the requester's own facility, which has no standing for the person (no
     * live link made with the card; {@link AccessPolicy#standing}): only that patient opens, with the facility's own
     * data under the demographics and identifiers it sent itself — never the person, their id or anyone else's data.
     * Also the decision for a patient of the facility's own that 名寄せ holds, joined to no person yet ({@link
     * PersonAccess.Reached#held}). A person-level decision only (items are judged as ever), so not one of {@link #RULES}.
     */
    public static final String OWN_PATIENT = "policy.permit.ownPatient";

    /**
     * Listing the facility's own linked patients ({@link AccessPolicy#decideLinkList}); not a rule of
     * the item decisions, so not one of {@link #RULES}.
     */
    public static final String LINKED_PATIENT_LIST = "policy.permit.linkedPatientList";

    /**
     * A letter between facilities read by the facility it is addressed to ({@link AccessPolicy#decideDisclosed} (a {@code LETTER})): like
     * a fax, before the patient's first visit, the letter and nothing else of the record. Not a rule of
     * {@link AccessPolicy#decide}, so not one of {@link #RULES}.
     */
    public static final String ADDRESSED_LETTER = "policy.permit.addressedLetter";
    /**
     * A case consultation (症例相談) read by its addressee ({@link AccessPolicy#decideDisclosed} (a {@code CONSULTATION})): the thread and the
     * record items the asker referenced in it, never the rest of the record.
     */
    public static final String CONSULTED_THREAD = "policy.permit.consultedThread";
    /**
     * A Box file about a person sent to the requester ({@link AccessPolicy#decideDisclosed} (a {@code FILE})): the file, never the
     * record; the person's consent covers the sender's facility.
     */
    public static final String SENT_FILE = "policy.permit.sentFile";
    /**
     * A document sent to the requester's facility (主治医意見書 to a municipality, its request to a doctor, a discharge
     * information sheet to a care manager: {@link AccessPolicy#decideDisclosed} (a {@code DOCUMENT})): that document only, never the
     * record. Not a rule of {@link AccessPolicy#decide}, so not one of {@link #RULES}.
     */
    public static final String ADDRESSED_DOCUMENT = "policy.permit.addressedDocument";

    /**
     * A research project's de-identified release ({@link DeidentifiedRelease#decide}): the approved cohort's data
     * of the approved clinical categories, read only into the de-identification pipeline, never as records. Not a rule
     * of {@link AccessPolicy#decide}, so not one of {@link #RULES}.
     */
    public static final String DEIDENTIFIED_RELEASE = "policy.permit.deidentifiedRelease";

    /** Every rule key, for message-bundle completeness checks. */
    public static final List<String> RULES = List.of(PATIENT_SELF_ACCESS, PROXY_ACCESS, OPERATIONS_DEMOGRAPHICS,
            OWN_FACILITY_DATA, EMERGENCY_ACCESS, TREATMENT_CONSENT_AND_LINK, CARE_TEAM_MEMBER, OWN_SOURCE_DATA);

    public Permit {
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String key() {
        return rule;
    }
}
