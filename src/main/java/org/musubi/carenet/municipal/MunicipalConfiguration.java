package org.musubi.carenet.municipal;

import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.carenet.municipal.jdbc.DocumentTable;
import org.musubi.database.Standby;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.musubi.worklist.WaitingWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The municipal documents, discharge sheets and disaster-help flags. */
@Configuration(proxyBeanMethods = false)
class MunicipalConfiguration {

    @Bean
    DocumentTable municipalDocumentTable(JdbcClient jdbc) {
        return new DocumentTable(jdbc);
    }

    @Bean
    Parties municipalParties(Users users, Facilities facilities) {
        return new Parties(users, facilities);
    }

    @Bean
    MunicipalDocuments municipalDocuments(DocumentTable table, PersonAccess access, Audit audit, WriteRecords writes,
                                          ResourceEncoder encoder, BlobStore blobs, Parties parties, Standby standby,
                                          Disclose disclose) {
        Clock clock = Clock.systemUTC();
        return new MunicipalDocuments(table, access, audit, new RecordEntries(writes, encoder, blobs, clock),
                new MunicipalDocuments.Settings(parties, clock, standby::readOnly), disclose);
    }

    @Bean
    RequestOpinion requestOpinion(MunicipalDocuments documents) {
        return new RequestOpinion(documents);
    }

    @Bean
    OpenMunicipalDocument openMunicipalDocument(MunicipalDocuments documents) {
        return new OpenMunicipalDocument(documents);
    }

    @Bean
    PrintMunicipalDocument printMunicipalDocument(MunicipalDocuments documents) {
        return new PrintMunicipalDocument(documents);
    }

    @Bean
    ListMunicipalDocuments listMunicipalDocuments(MunicipalDocuments documents) {
        return new ListMunicipalDocuments(documents);
    }

    @Bean
    AnswerOpinion answerOpinion(MunicipalDocuments documents) {
        return new AnswerOpinion(documents);
    }

    @Bean
    DeclineOpinion declineOpinion(MunicipalDocuments documents) {
        return new DeclineOpinion(documents);
    }

    @Bean
    CompleteOpinion completeOpinion(MunicipalDocuments documents) {
        return new CompleteOpinion(documents);
    }

    @Bean
    SendDischargeSheet sendDischargeSheet(MunicipalDocuments documents) {
        return new SendDischargeSheet(documents);
    }

    @Bean
    DisasterFlags disasterFlags(WriteRecords writes, ReadRecords reads, ResourceEncoder encoder, Parties parties,
                                Standby standby) {
        return new DisasterFlags(writes, reads, encoder, parties,
                new DisasterFlags.Settings(Clock.systemUTC(), standby::readOnly));
    }

    @Bean
    WaitingWork municipalWaiting(DocumentTable table, Parties parties) {
        return new MunicipalWaiting(table, parties);
    }
}
