package org.musubi.policy;

import java.util.List;
import java.util.Objects;

/**
 * Access is refused; {@code reason} is the message key saying why.
 *
 * <pre>
 * | key | 日本語 | English |
 * |---|---|---|
 * | `policy.deny.userDisabled` | 利用者アカウントが無効です | The user account is disabled |
 * | `policy.deny.facilitySuspended` | 所属施設の利用が停止されています | The user's facility is suspended |
 * | `policy.deny.notThePatient` | ご本人の記録ではありません | Self access is only to the patient's own record |
 * | `policy.deny.proxyExpired` | 代理人としての期間が終わったか、取り消されています | The proxy's grant ended or was revoked |
 * | `policy.deny.researchNotThroughRecords` | 研究利用は匿名化データの提供を通じてのみ可能です | Research uses the de-identified export, not patient records |
 * | `policy.deny.notNetworkAdmin` | ネットワーク管理者ではありません | Operations access requires a network administrator |
 * | `policy.deny.operationsDemographicsOnly` | 管理目的では基本情報のみ閲覧できます | Operations access is limited to demographics |
 * | `policy.deny.facilityBlocked` | 患者さんがこの施設からの閲覧を拒否しています | The patient has blocked this facility from viewing |
 * | `policy.deny.categoryNotAllowedForProfession` | この職種ではこの種類の情報を閲覧できません | This profession may not see this kind of data |
 * | `policy.deny.sourceFacilityOnly` | この種類の情報は記録した施設の中でのみ閲覧できます | This kind of data is seen only within the facility that recorded it |
 * | `policy.deny.professionNotForEmergency` | この職種では緊急時アクセスを使えません | This profession may not use break-the-glass access |
 * | `policy.deny.outsideDisasterMode` | 災害対応施設の緊急時アクセスは、災害モードの対象地域の方にだけ使えます | A disaster responder's emergency access reaches only persons disaster mode covers now |
 * | `policy.deny.professionNotForOwnRecords` | この職種では自施設データの参照（非常時バックアップ）を使えません | This profession may not use the facility's own-records backup |
 * | `policy.deny.notOwnSource` | 自施設が送った記録ではありません | Not data the requester's own facility sent |
 * | `policy.deny.noEmergencyAccess` | 緊急時アクセス（ブレークグラス）が開始されていません | No break-the-glass access is open for this user and patient |
 * | `policy.deny.emergencyAccessExpired` | 緊急時アクセスの有効期限が切れています | The break-the-glass access has expired |
 * | `policy.deny.notInEmergencyMinimum` | 緊急時に閲覧できる最小限の情報に含まれません | Not part of the emergency minimum dataset |
 * | `policy.deny.noConsent` | この目的での有効な同意がありません | No active consent for this purpose |
 * | `policy.deny.consentScopeExcludesSource` | 同意の範囲（開示カード）にこの施設の情報は含まれません | The consent (disclosure card) does not cover this facility's data |
 * | `policy.deny.facilityNotViewing` | 所属施設は参照施設ではありません | The user's facility is not a viewing facility |
 * | `policy.deny.notLinked` | この施設は患者さんと連携していません | This facility is not linked to the patient |
 * | `policy.deny.linkEnded` | 患者さんとの連携は終了しています | This facility's link to the patient has ended |
 * | `policy.deny.linkExpired` | 患者さんとの連携の有効期間が切れています | This facility's link to the patient expired after a long idle period |
 * | `policy.deny.noEntryOnBehalf` | 患者さんに代わって入力できるのは、同意のある連携施設で閲覧できる方だけです | Only users who see this through a consented link may enter it on the patient's behalf |
 * | `policy.deny.noStanding` | この施設は患者さんとカードで連携していません（名寄せで結び付いた自施設の記録だけでは行えません） | This facility has no link made with the person's card (a patient only matched by 名寄せ gives none) |
 * | `policy.deny.noRule` | 閲覧を許可する規則がありません | No rule allows this access |
 * | `policy.deny.unknownPerson` | 該当する患者さんがいません | No such person |
 * </pre>
 */
public record Deny(String reason) implements Decision {

    public static final String USER_DISABLED = "policy.deny.userDisabled";
    public static final String FACILITY_SUSPENDED = "policy.deny.facilitySuspended";
    public static final String NOT_THE_PATIENT = "policy.deny.notThePatient";
    /** A proxy whose grant ended or was revoked. */
    public static final String PROXY_EXPIRED = "policy.deny.proxyExpired";
    public static final String RESEARCH_NOT_THROUGH_RECORDS = "policy.deny.researchNotThroughRecords";
    public static final String NOT_NETWORK_ADMIN = "policy.deny.notNetworkAdmin";
    public static final String OPERATIONS_DEMOGRAPHICS_ONLY = "policy.deny.operationsDemographicsOnly";
    public static final String FACILITY_BLOCKED = "policy.deny.facilityBlocked";
    public static final String CATEGORY_NOT_ALLOWED_FOR_PROFESSION = "policy.deny.categoryNotAllowedForProfession";
    /** A category the network never shares ({@link DataCategory#SOURCE_FACILITY_ONLY}), asked by another facility. */
    public static final String SOURCE_FACILITY_ONLY = "policy.deny.sourceFacilityOnly";
    /**
     * Data flagged JP-CLINS 未告知 ({@link DataCategory#UNINFORMED}: the patient has not been told yet), asked by the
     * patient, a proxy or the patient's app.
     */
    public static final String NOT_TOLD_TO_PATIENT = "policy.deny.notToldToPatient";
    /**
     * Data flagged JP-CLINS 未提供 ({@link DataCategory#UNDELIVERED}: not to be shared), asked by anyone but the facility
     * that sent it (the patient included).
     */
    public static final String NOT_FOR_SHARING = "policy.deny.notForSharing";
    public static final String PROFESSION_NOT_FOR_EMERGENCY = "policy.deny.professionNotForEmergency";
    public static final String NO_EMERGENCY_ACCESS = "policy.deny.noEmergencyAccess";
    /** A disaster responder's staff, for a person disaster mode does not cover now (or with disaster mode off). */
    public static final String OUTSIDE_DISASTER_MODE = "policy.deny.outsideDisasterMode";
    /** Purpose {@code OWN_RECORDS} asked by a profession that does not treat (a clerk, care staff …). */
    public static final String PROFESSION_NOT_FOR_OWN_RECORDS = "policy.deny.professionNotForOwnRecords";
    /** Purpose {@code OWN_RECORDS}: data (or a person) the requester's own facility did not send. */
    public static final String NOT_OWN_SOURCE = "policy.deny.notOwnSource";
    public static final String EMERGENCY_ACCESS_EXPIRED = "policy.deny.emergencyAccessExpired";
    public static final String NOT_IN_EMERGENCY_MINIMUM = "policy.deny.notInEmergencyMinimum";
    public static final String NO_CONSENT = "policy.deny.noConsent";
    public static final String CONSENT_SCOPE_EXCLUDES_SOURCE = "policy.deny.consentScopeExcludesSource";
    public static final String FACILITY_NOT_VIEWING = "policy.deny.facilityNotViewing";
    public static final String NOT_LINKED = "policy.deny.notLinked";
    public static final String LINK_ENDED = "policy.deny.linkEnded";
    public static final String LINK_EXPIRED = "policy.deny.linkExpired";
    public static final String NO_RULE = "policy.deny.noRule";
    /**
     * Entering data on the patient's behalf ({@link PersonView#entryOnBehalf}) without a consented link: not a rule of
     * {@link AccessPolicy}'s reading, so not one of {@link #REASONS}.
     */
    public static final String NO_ENTRY_ON_BEHALF = "policy.deny.noEntryOnBehalf";
    /**
     * Acting for the person as a holder of their record ({@link PersonView#actAsHolder}: issuing a notebook code,
     * confirming a recovery …) without standing; not a rule of {@link AccessPolicy}'s reading, so not one of
     * {@link #REASONS}.
     */
    public static final String NO_STANDING = "policy.deny.noStanding";
    /**
     * Asked for a person who does not exist ({@link PersonAccess}): audited like any refusal, so that both answer
     * alike; not a rule of {@link AccessPolicy}, so not one of {@link #REASONS}.
     */
    public static final String UNKNOWN_PERSON = "policy.deny.unknownPerson";

    /**
     * A letter read through {@link AccessPolicy#decideDisclosed} (a {@code LETTER}) by a requester whose facility it is not addressed to;
     * not a rule of {@link AccessPolicy#decide}, so not one of {@link #REASONS}.
     */
    public static final String NOT_ADDRESSED = "policy.deny.notAddressed";

    /**
     * A de-identified research release ({@link DeidentifiedRelease#decide}) for a project that is not approved and
     * running, or by a requester who is neither one of its named users nor a network admin; not a rule of
     * {@link AccessPolicy#decide}, so not one of {@link #REASONS}.
     */
    public static final String RESEARCH_NOT_APPROVED = "policy.deny.researchNotApproved";

    /**
     * A de-identified research release asking for a category outside {@link DeidentifiedRelease#CATEGORIES} (the
     * flags, administrative data, demographics …); not one of {@link #REASONS}.
     */
    public static final String RESEARCH_CATEGORY = "policy.deny.researchCategory";

    /** Every reason key, for message-bundle completeness checks. */
    public static final List<String> REASONS = List.of(USER_DISABLED, FACILITY_SUSPENDED, NOT_THE_PATIENT, PROXY_EXPIRED,
            RESEARCH_NOT_THROUGH_RECORDS, NOT_NETWORK_ADMIN, OPERATIONS_DEMOGRAPHICS_ONLY, FACILITY_BLOCKED,
            CATEGORY_NOT_ALLOWED_FOR_PROFESSION, SOURCE_FACILITY_ONLY, PROFESSION_NOT_FOR_EMERGENCY, NO_EMERGENCY_ACCESS,
            EMERGENCY_ACCESS_EXPIRED,
            NOT_IN_EMERGENCY_MINIMUM, NO_CONSENT, CONSENT_SCOPE_EXCLUDES_SOURCE, FACILITY_NOT_VIEWING,
            NOT_LINKED, LINK_ENDED, LINK_EXPIRED, NO_RULE, OUTSIDE_DISASTER_MODE, PROFESSION_NOT_FOR_OWN_RECORDS,
            NOT_OWN_SOURCE, NOT_TOLD_TO_PATIENT, NOT_FOR_SHARING);

    public Deny {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String key() {
        return reason;
    }
}
