package org.musubi.ingest;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.musubi.audit.Audit;
import org.musubi.database.JobLocks;
import org.musubi.database.Standby;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.identity.linkage.MatchSourcePatients;
import org.musubi.identity.matching.InsuredKeys;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.batch.MappingContexts;
import org.musubi.ingest.checkup.CheckupXmlReader;
import org.musubi.ingest.chunk.ImportAudits;
import org.musubi.ingest.chunk.ImportChunks;
import org.musubi.ingest.chunk.ImportPatients;
import org.musubi.ingest.chunk.Preparation;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.orders.OrderMappers;
import org.musubi.ingest.jahis.JahisReader;
import org.musubi.ingest.lab.LabCsvReader;
import org.musubi.ingest.lab.LabHl7Reader;
import org.musubi.ingest.ledger.ImportLedger;
import org.musubi.ingest.readers.HeldParts;
import org.musubi.ingest.readers.LabFiles;
import org.musubi.ingest.readers.SourceReaders;
import org.musubi.ingest.readers.SplitNotebooks;
import org.musubi.ingest.readers.StoredStays;
import org.musubi.ingest.ssmix2.Ssmix2Reader;
import org.musubi.ingest.ssmix2.Stays;
import org.musubi.ingest.ssmix2.StorageStays;
import org.musubi.ingest.uke.UkeReader;
import org.musubi.receiptmaster.ReceiptMaster;
import org.musubi.record.IdKeys;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.imports.ImportRecords;
import org.musubi.registry.Facilities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the import pipeline and the adapters of each kind of source. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    SourceReaders sourceReaders(ObjectProvider<KindReader> readers) {
        Map<ImportKind, Function<ImportSource, SourceReader>> byKind = new EnumMap<>(ImportKind.class);
        readers.orderedStream().forEach(r -> byKind.put(r.kind(), r.reader()));
        return new SourceReaders(byKind);
    }

    /** One HL7 v2 parser (HAPI) for the JVM: it is expensive to make and safe to share. */
    @Bean
    Hl7Parsing hl7Parsing() {
        return new Hl7Parsing();
    }

    /**
     * SS-MIX2: a discharge that names no admission joins the stay its admission began, found in the files of the import
     * (a storage source's root, an upload unpacked into its spool), else among the stays the facility's imports stored.
     */
    @Bean
    KindReader ssmix2Reader(Hl7Parsing parsing, IdentityBatches identities, ResourceLookup store) {
        Map<String, MessageMapper> orders = OrderMappers.byDataType();
        return new KindReader(ImportKind.SSMIX2, source -> new Ssmix2Reader(parsing, orders,
                stays(source, new StoredStays(identities, store, source.facilityId()))));
    }

    private static Stays stays(ImportSource source, Stays stored) {
        return source.location() == null ? stored
                : new StorageStays(Path.of(source.location())).orElse(stored);
    }

    @Bean
    RunImport runImport(ImportLedger ledger, SourceReaders readers, Facilities facilities, IdKeys keys,
                        IdentityBatches identities, MatchSourcePatients matching, ResourceLookup store, ImportRecords records,
                        Audit audit, FhirContext context, ResourceEncoder encoder, Standby standby, InsuredKeys insuredKeys) {
        ImportChunks chunks = new ImportChunks(new ImportPatients(identities, matching, store, insuredKeys),
                new Preparation(context, encoder), ledger, records, new ImportAudits(audit));
        return new RunImport(ledger, readers, new MappingContexts(facilities, keys), chunks, standby);
    }

    @Bean
    KindReader jahisReader(HeldParts held) {
        SourceReader reader = new SplitNotebooks(new JahisReader(), held);
        return new KindReader(ImportKind.JAHIS, source -> reader);
    }

    /** Lab centres: HL7 v2 result files; {@code import lab} also takes CSV files, told apart by their first bytes. */
    @Bean
    KindReader labHl7Reader(Hl7Parsing parsing) {
        SourceReader reader = new LabFiles(new LabHl7Reader(parsing), new LabCsvReader());
        return new KindReader(ImportKind.LAB_HL7, source -> reader);
    }

    @Bean
    KindReader labCsvReader() {
        SourceReader reader = new LabCsvReader();
        return new KindReader(ImportKind.LAB_CSV, source -> reader);
    }

    /** Checkup centres: 特定健診 XML files (HL7 CDA R2) or ZIPs of them. */
    @Bean
    KindReader checkupReader() {
        SourceReader reader = new CheckupXmlReader();
        return new KindReader(ImportKind.CHECKUP, source -> reader);
    }

    /** ORCA connectors' pulls: one file per patient and window ({@code ingest.orca}). */
    @Bean
    KindReader orcaReader() {
        SourceReader reader = new org.musubi.ingest.orca.OrcaReader();
        return new KindReader(ImportKind.ORCA, source -> reader);
    }

    /** Clinics and pharmacies without an EHR: their monthly receipt files (UKE), named from the receipt masters. */
    @Bean
    KindReader ukeReader(ReceiptMaster master) {
        SourceReader reader = new UkeReader(master);
        return new KindReader(ImportKind.UKE, source -> reader);
    }

    @Bean
    ImportQueue importQueue(RunImport imports, JobLocks jobs) {
        return new ImportQueue(imports, jobs);
    }

    @Bean
    ImportAdministration importAdministration(ImportSources sources, ImportLedger ledger, Facilities facilities, Audit audit,
                                              MatchReviews reviews) {
        return new ImportAdministration(sources, ledger, facilities, audit, reviews);
    }

    /** An adapter and the kind of source it reads. */
    record KindReader(ImportKind kind, Function<ImportSource, SourceReader> reader) {
    }
}
