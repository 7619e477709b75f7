package org.musubi.consult;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobProperties;
import org.musubi.blob.BlobStore;
import org.musubi.consult.jdbc.JdbcConsultRows;
import org.musubi.database.Standby;
import org.musubi.identity.LinkMethod;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.IdKeys;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.WaitingWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consultations' parts, and their line on the home page ("unread consultation messages"). */
@Configuration(proxyBeanMethods = false)
class ConsultConfiguration {

    /** The facilities a consultation may be asked of: those whose doctors see patients. */
    static final Set<FacilityKind> ASKABLE = EnumSet.of(FacilityKind.HOSPITAL, FacilityKind.CLINIC,
            FacilityKind.DENTAL_CLINIC);
    /** Who may be asked by name: a doctor or a dentist. */
    static final Set<Profession> SPECIALISTS = EnumSet.of(Profession.DOCTOR, Profession.DENTIST);

    @Bean
    Consultations consultations(ReadRecords reads, WriteRecords writes, JdbcClient jdbc, FhirContext context,
                                ResourceEncoder encoder, BlobStore blobs, BlobProperties blob, PersonAccess access,
                                Audit audit, Users users, Facilities facilities, Standby standby,
                                LinkSourcePatient link, IdKeys keys, Disclose disclose) {
        ConsultContext.Directory directory = new ConsultContext.Directory() {
            @Override
            public boolean askable(long facilityId) {
                return facilities.find(facilityId).filter(Facility::active).filter(f -> ASKABLE.contains(f.kind()))
                        .isPresent();
            }

            @Override
            public boolean specialistOf(long userId, long facilityId) {
                return users.find(userId).filter(User::active).filter(u -> SPECIALISTS.contains(u.profession()))
                        .filter(u -> u.memberships().stream().anyMatch(m -> m.facilityId() == facilityId)).isPresent();
            }

            @Override
            public String userName(long userId) {
                return users.find(userId).map(User::nameKanji).orElse("#" + userId);
            }

            @Override
            public String facilityName(long facilityId) {
                return facilities.find(facilityId).map(Facility::nameKanji).orElse("#" + facilityId);
            }
        };
        ConsultContext.AskersPatient patients = (asker, view) -> {
            if (asker.facilityId() == null) {
                return Optional.empty();
            }
            Optional<SourcePatient> own = view.sources().stream().filter(s -> asker.actsFor(s.facilityId()))
                    .findFirst();
            if (own.isPresent() || !view.standing() || view.opened().isEmpty()) {
                return own;
            }
            long facility = asker.facilityId();
            long person = view.opened().get().id();
            // the same keyed local id as the letters' (LetterParties): one source patient per facility and person
            return Optional.of(link.ownOrLinked(asker.userId(), facility, view.opened().get(), view.sources(),
                    () -> keys.current().keyedUuid("musubi-letter-source\u001f" + facility + "\u001f" + person),
                    LinkMethod.CARD, "a facility linked by card asks its first consultation"));
        };
        return new Consultations(reads, writes, new JdbcConsultRows(jdbc),
                new ConsultResources(context, encoder, blobs, blob.maxSize().toBytes()),
                new ConsultContext(access, audit, directory, patients, standby::readOnly, Clock.systemUTC(),
                        disclose));
    }

    @Bean
    AskConsultation askConsultation(Consultations consultations) {
        return new AskConsultation(consultations);
    }

    @Bean
    OpenConsultation openConsultation(Consultations consultations) {
        return new OpenConsultation(consultations);
    }

    @Bean
    PostToConsultation postToConsultation(Consultations consultations) {
        return new PostToConsultation(consultations);
    }

    @Bean
    SetConsultationMeeting setConsultationMeeting(Consultations consultations) {
        return new SetConsultationMeeting(consultations);
    }

    @Bean
    CloseConsultation closeConsultation(Consultations consultations) {
        return new CloseConsultation(consultations);
    }

    @Bean
    OpenConsultationAttachment openConsultationAttachment(Consultations consultations) {
        return new OpenConsultationAttachment(consultations);
    }

    @Bean
    ListConsultations listConsultations(Consultations consultations) {
        return new ListConsultations(consultations);
    }

    /** The home page's line: unread consultation messages, linking to the list. */
    @Bean
    WaitingWork consultWaiting(ListConsultations consultations) {
        return (reader, now) -> List.of(new Waiting("consult-waiting", "home.consult.waiting",
                consultations.unread(reader), 0, "/portal/consultations"));
    }
}
