package org.musubi.phr;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.Cards;
import org.musubi.policy.PersonAccess;
import org.musubi.registry.Users;
import org.musubi.security.ResidentCredentials;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires residents' registration and their notebook's pages' use cases. */
@Configuration(proxyBeanMethods = false)
class PhrConfiguration {

    @Bean
    PhrRules phrRules(PhrProperties properties) {
        return new PhrRules(properties.registrationCodeValidity(), properties.registrationCodeAttempts(),
                Clock.systemUTC());
    }

    @Bean
    IssueRegistrationCode issueRegistrationCode(PersonAccess access, Users users, RegistrationCodes codes,
                                                PhrRules rules) {
        return new IssueRegistrationCode(access, users, codes, rules);
    }

    @Bean
    AccessLog accessLog(PersonAccess access, org.musubi.audit.AuditTrail trail, IdentityStore identities,
                        org.musubi.registry.Facilities facilities) {
        return new AccessLog(access, trail, identities, facilities);
    }

    @Bean
    AskTheOffice askTheOffice(PersonAccess access, org.musubi.audit.AuditTrail trail, IdentityStore identities,
                              Inquiries inquiries, Audit audit) {
        return new AskTheOffice(access, trail, identities, inquiries, audit);
    }

    @Bean
    MySharing mySharing(PersonAccess access, org.musubi.consent.Consents consents,
                        org.musubi.registry.Facilities facilities) {
        return new MySharing(access, consents, facilities);
    }

    @Bean
    MyMedicines myMedicines(org.musubi.record.ReadRecords records, org.musubi.registry.Facilities facilities,
                            org.musubi.medication.MedicationChecks checks) {
        return new MyMedicines(records, facilities, checks);
    }

    @Bean
    org.musubi.phr.points.HealthPoints healthPoints(org.musubi.phr.points.PointsLedger ledger,
                                                    org.musubi.record.ReadRecords records,
                                                    org.musubi.registry.Facilities facilities, Audit audit) {
        return new org.musubi.phr.points.HealthPoints(ledger, records, facilities, audit, Clock.systemUTC());
    }

    @Bean
    MyProxies myProxies(PersonAccess access, org.musubi.consent.Consents consents, Users users) {
        return new MyProxies(access, consents, users, Clock.systemUTC());
    }

    @Bean
    ProveResident proveResident(org.musubi.identity.FindPerson find, RegistrationCodes codes, Audit audit,
                                PhrRules rules, org.musubi.consent.CardProofThrottle throttle) {
        return new ProveResident(find, codes, audit, rules, throttle);
    }

    @Bean
    RegisterResident registerResident(Users users, ResidentCredentials credentials, RegistrationCodes codes,
                                      Audit audit, PhrRules rules,
                                      org.musubi.phr.recovery.AccountRecoveries recoveries) {
        return new RegisterResident(users, credentials, codes, audit, rules, recoveries);
    }
}
