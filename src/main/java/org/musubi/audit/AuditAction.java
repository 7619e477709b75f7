package org.musubi.audit;

/** What happened. Patient-data reads and writes use READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT. */
public enum AuditAction {
    LOGIN_PASSWORD,
    LOGIN_SECOND_FACTOR,
    LOGIN_RECOVERY_CODE,
    LOGOUT,
    SECOND_FACTOR_ENROL,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    SECOND_FACTOR_RESET,
    ACCOUNT_LOCKED,
    LOGIN_THROTTLED,
    /** A login (or its second step) with an identity an outside OpenID provider proved, e.g. a My Number card. */
    LOGIN_OIDC,
    /**
     * A login's first step with a client certificate (issue 42): accepted (the second factor follows) or refused, a
     * forged certificate header included; the certificate's short fingerprint and the reason in the reason.
     */
    LOGIN_CERTIFICATE,
    /** A client certificate registered for a user's certificate login (or a registration refused). */
    CERTIFICATE_REGISTER,
    /** A user's client certificate revoked (or a revocation refused). */
    CERTIFICATE_REVOKE,
    /** A resident's account linked to the subject an outside OpenID provider proved (My Number card login). */
    OIDC_LINK,
    /** Such a link removed (by the resident, the operator, or a re-registration). */
    OIDC_UNLINK,
    FACILITY_CREATE,
    FACILITY_UPDATE,
    /** An identifier system declared as a facility's patient IDs (the system in the reason). */
    IDENTIFIER_SYSTEM_DECLARE,
    /** A facility's identifier system declaration removed (the system in the reason). */
    IDENTIFIER_SYSTEM_REMOVE,
    /** Disaster mode switched on (the area, planned end and note in the reason; no patient data). */
    DISASTER_MODE_ON,
    /** Disaster mode switched off (the note in the reason). */
    DISASTER_MODE_OFF,
    /** A facility designated as a disaster responder, or the designation withdrawn. */
    DISASTER_RESPONDER,
    USER_CREATE,
    USER_UPDATE,
    IDENTITY_LINK,
    IDENTITY_UNLINK,
    PERSON_MERGE,
    PERSON_UNMERGE,
    PERSON_CREATE,
    MATCH_REVIEW,
    CARD_ISSUE,
    CARD_LOST,
    CARD_REISSUE,
    CARD_CHECK,
    /** A one-time registration code for a resident's health notebook (PHR) issued at a counter or by the operator. */
    PHR_CODE_ISSUE,
    /** A resident's registration (or re-registration) with card, birth date and registration code. */
    PHR_REGISTER,
    /** A pending re-registration (account recovery) confirmed at a linked facility's counter or by the network office. */
    PHR_RECOVERY_CONFIRM,
    /** A pending re-registration refused at a linked facility's counter or by the network office. */
    PHR_RECOVERY_REFUSE,
    /** A pending re-registration cancelled by the resident from their notebook. */
    PHR_RECOVERY_CANCEL,
    /** A pending re-registration expired unconfirmed. */
    PHR_RECOVERY_EXPIRE,
    /** A resident asks the network office about one view in their access log. */
    PHR_INQUIRY,
    /** The network office records its answer to a resident's question. */
    PHR_INQUIRY_ANSWER,
    /** Health points: an award, a redemption, an event created (what and how many in the reason). */
    PHR_POINTS,
    /** A proxy (代理人) appointed for a person's health notebook, by the person or the operator. */
    PROXY_GRANT,
    /** A proxy grant revoked. */
    PROXY_REVOKE,
    PATIENT_LINK,
    PATIENT_UNLINK,
    FACILITY_BLOCK,
    FACILITY_UNBLOCK,
    EMERGENCY_LOOKUP,
    EMERGENCY_OPEN,
    EMERGENCY_REVIEW,
    /** An ambulance crew hands a person over to the receiving hospital (a time-limited emergency link, issue 26). */
    EMERGENCY_HANDOVER,
    AUDIT_SEARCH,
    AUDIT_EXPORT,
    AUDIT_VERIFY,
    ACCESS_DENIED,
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT,
    API_CLIENT_CREATE,
    API_CLIENT_SECRET,
    API_CLIENT_REVOKE,
    API_TOKEN_ISSUE,
    API_TOKEN_USE,
    API_CLIENT_KEYS,
    /** An app residents may connect (SMART) registered or stopped by the operator. */
    APP_REGISTER,
    /** A resident's decision on an app's authorization request (approved, declined), or a refused request. */
    APP_AUTHORIZE,
    /** A resident's grant to an app revoked: disconnected by the resident, or after a replayed code or refresh token. */
    APP_REVOKE,
    NOTICE_CREATE,
    NOTICE_UPDATE,
    NOTICE_WITHDRAW,
    PATIENT_LIST,
    BACKUP,
    RESTORE,
    /** A read-only standby's audit spool merged into the trail (spool id and counts in the reason). */
    AUDIT_SPOOL_MERGE,
    /** A pathway template created, a new version of one drafted, or one imported (code/version in the id; issue 44). */
    PATHWAY_TEMPLATE_CREATE,
    /** A draft pathway template changed in the editor, or a Questionnaire imported into one of its stages. */
    PATHWAY_TEMPLATE_UPDATE,
    /** A draft pathway template published: new enrolments use it from now on. */
    PATHWAY_TEMPLATE_PUBLISH,
    /** A published pathway template version retired: offered no more, still readable by version. */
    PATHWAY_TEMPLATE_RETIRE,
    /** A staff question to the secretariat's help desk (issue 45); naming a patient, the policy's row of that check. */
    HELPDESK_ASK,
    /** The asker's reply to their help-desk question (reopens an answered or closed one). */
    HELPDESK_REPLY,
    /** The secretariat's answer to a help-desk question. */
    HELPDESK_ANSWER,
    /** A help-desk question's status changed without a message (taken, closed, reopened). */
    HELPDESK_STATUS,
    /** An FAQ entry of the help desk created, changed, published or unpublished. */
    HELPDESK_FAQ,
    /** A facility's participation application submitted on the public page (issue 45). */
    APPLICATION_SUBMIT,
    /** An applicant's look at their application's status by reference and secret (a wrong pair: DENY naming none). */
    APPLICATION_STATUS,
    /** A returned application corrected and submitted again by the applicant. */
    APPLICATION_RESUBMIT,
    /** The secretariat takes an application under review. */
    APPLICATION_REVIEW,
    /** The secretariat approves an application: the facility, its profile and its users created. */
    APPLICATION_APPROVE,
    /** The secretariat returns an application to the applicant with a reason. */
    APPLICATION_RETURN,
    /** The secretariat has set up an approved facility. */
    APPLICATION_SET_UP,
    /** The secretariat makes a set-up facility live (a notice published on the portal). */
    APPLICATION_LIVE,
    /** A network admin downloads a document uploaded with an application. */
    APPLICATION_DOCUMENT
}
