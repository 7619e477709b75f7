package org.musubi.letters.exchange;

import org.musubi.letters.exchange.jdbc.LetterTable;
import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.blob.BlobStore;
import org.musubi.blob.KeptParts;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.letters.LettersProperties;
import org.musubi.letters.render.LetterRendering;
import org.musubi.policy.PersonAccess;
import org.musubi.policy.disclosure.Disclose;
import org.musubi.record.IdKeys;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facilities;
import org.musubi.registry.Users;
import org.musubi.signature.Signatures;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The letters exchange's parts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LettersProperties.class)
class LettersConfiguration {

    @Bean
    LetterTable letterTable(JdbcClient jdbc) {
        return new LetterTable(jdbc);
    }

    @Bean
    LetterParties letterParties(Users users, Facilities facilities, IdentityStore identities, LinkSourcePatient link,
                                IdKeys keys) {
        return new LetterParties(users, facilities, identities, link, keys);
    }

    @Bean
    LetterFiles letterFiles(LetterRendering rendering, Signatures signatures, BlobStore blobs) {
        return new LetterFiles(rendering, signatures, blobs);
    }

    /** The letters' files kept before their rows (signed PDFs, documents): copied by backups. */
    @Bean
    KeptParts letterParts() {
        return KeptParts.named(LetterFileSweep.PREFIX);
    }

    @Bean
    LetterFileSweep letterFileSweep(BlobStore blobs, LetterTable table, Standby standby, JobLocks jobs,
                                    LettersProperties properties) {
        return new LetterFileSweep(blobs, table, standby::readOnly, Clock.systemUTC(), properties.fileGrace())
                .scheduled(jobs, properties.sweepEvery());
    }

    @Bean
    LetterResources letterResources(FhirContext context, ResourceEncoder encoder, ResourceLookup lookup,
                                    Disclose disclose) {
        return new LetterResources(context, encoder, lookup, Clock.systemUTC(), disclose);
    }

    @Bean
    Sending letterSending(WriteRecords writes, LetterTable table, LetterParties parties, LetterFiles files,
                          LetterResources resources) {
        return new Sending(writes, table, parties, files, resources);
    }

    @Bean
    Receiving letterReceiving(ReadRecords reads, WriteRecords writes, LetterTable table, LetterFiles files,
                              Sending sending, Standby standby) {
        return new Receiving(reads, writes, table, files, sending, standby::readOnly);
    }

    @Bean
    ComposeLetter composeLetter(ReadRecords reads, LetterTable table, LetterParties parties, LetterFiles files,
                                LetterResources resources) {
        return new ComposeLetter(reads, table, parties, files, resources);
    }

    @Bean
    KeepLetterDrafts keepLetterDrafts(ReadRecords reads, LetterTable table, LetterParties parties,
                                      LetterResources resources) {
        return new KeepLetterDrafts(reads, table, parties, resources);
    }

    @Bean
    SendLetter sendLetter(Sending sending, Receiving receiving, KeepLetterDrafts drafts, LetterTable table,
                          ReadRecords reads) {
        return new SendLetter(sending, receiving, drafts, table, reads);
    }

    @Bean
    SendLetterDocument sendLetterDocument(WriteRecords writes, LetterTable table, LetterParties parties,
                                          LetterFiles files, LetterResources resources) {
        return new SendLetterDocument(writes, table, parties, files, resources);
    }

    @Bean
    ListLetters listLetters(LetterTable table, PersonAccess access, Audit audit, IdentityStore identities) {
        return new ListLetters(table, access, audit, Clock.systemUTC(), identities);
    }

    @Bean
    OpenLetter openLetter(Receiving receiving) {
        return new OpenLetter(receiving);
    }

    @Bean
    AnswerLetter answerLetter(Receiving receiving) {
        return new AnswerLetter(receiving);
    }

    @Bean
    CancelLetter cancelLetter(Receiving receiving, Sending sending, ListLetters listings) {
        return new CancelLetter(receiving, sending, listings);
    }
}
