package org.musubi.phr;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditTrail;
import org.musubi.consent.CardProofThrottle;
import org.musubi.consent.Consents;
import org.musubi.identity.FindPerson;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.Cards;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.phr.points.HealthPoints;
import org.musubi.phr.points.PointsLedger;
import org.musubi.phr.recovery.AccountRecoveries;
import org.musubi.policy.PersonAccess;
import org.musubi.record.ReadRecords;
import org.musubi.registry.Facilities;
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
    AccessLog accessLog(PersonAccess access, AuditTrail trail, IdentityStore identities,
                        Facilities facilities) {
        return new AccessLog(access, trail, identities, facilities);
    }

    @Bean
    AskTheOffice askTheOffice(PersonAccess access, AuditTrail trail, IdentityStore identities,
                              Inquiries inquiries, Audit audit) {
        return new AskTheOffice(access, trail, identities, inquiries, audit);
    }

    @Bean
    MySharing mySharing(PersonAccess access, Consents consents,
                        Facilities facilities) {
        return new MySharing(access, consents, facilities);
    }

    @Bean
    MyMedicines myMedicines(ReadRecords records, ReadMedications medications) {
        return new MyMedicines(records, medications);
    }

    @Bean
    HealthPoints healthPoints(PointsLedger ledger,
                                                    ReadRecords records,
                                                    Facilities facilities, Audit audit) {
        return new HealthPoints(ledger, records, facilities, audit, Clock.systemUTC());
    }

    @Bean
    MyProxies myProxies(PersonAccess access, Consents consents, Users users) {
        return new MyProxies(access, consents, users, Clock.systemUTC());
    }

    @Bean
    ProveResident proveResident(FindPerson find, RegistrationCodes codes, Audit audit,
                                PhrRules rules, CardProofThrottle throttle) {
        return new ProveResident(find, codes, audit, rules, throttle);
    }

    @Bean
    RegisterResident registerResident(Users users, ResidentCredentials credentials, RegistrationCodes codes,
                                      Audit audit, PhrRules rules,
                                      AccountRecoveries recoveries) {
        return new RegisterResident(users, credentials, codes, audit, rules, recoveries);
    }
}
