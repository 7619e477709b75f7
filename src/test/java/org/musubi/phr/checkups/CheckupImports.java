package org.musubi.phr.checkups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.musubi.audit.Actor;
import org.musubi.identity.IdentityStore;
import org.musubi.ingest.BatchOrigin;
import org.musubi.ingest.BatchStatus;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ImportKind;
import org.musubi.ingest.ImportProgress;
import org.musubi.ingest.ImportSource;
import org.musubi.ingest.ImportSources;
import org.musubi.ingest.IncomingFile;
import org.musubi.ingest.RunImport;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.checkup.CheckupSamples;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityDraft;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.FacilityStatus;
import org.musubi.registry.MedicalInstitutionCode;
import org.musubi.testing.FhirRecords;
import org.springframework.stereotype.Component;

/**
 * Checkups a checkup centre sends for a resident, through the real 特定健診 import: the team's typical male sample
 * ({@link CheckupSamples#MALE}) for an examinee of their own (a unique kana name and insurance number, so that 名寄せ
 * makes them a person of their own), on a chosen day and with chosen values replaced, into a fresh checkup centre.
 */
@Component
public class CheckupImports {

    /** An examinee of a checkup centre, and the regional person 名寄せ linked them to (after the first import). */
    public record Examinee(Facility centre, ImportSource source, String kana, String number, String born) {
    }

    private final Facilities facilities;
    private final ImportSources sources;
    private final RunImport imports;
    private final IdentityStore identities;

    CheckupImports(Facilities facilities, ImportSources sources, RunImport imports, IdentityStore identities) {
        this.facilities = facilities;
        this.sources = sources;
        this.imports = imports;
        this.identities = identities;
    }

    /** A new examinee at a new checkup centre. */
    public Examinee examinee() {
        String code;
        do {
            code = MedicalInstitutionCode.of(34, 1, 100000 + ThreadLocalRandom.current().nextInt(899999)).value();
        } while (facilities.findByCode(code).isPresent());
        Facility centre = facilities.insert(new FacilityDraft("むすび健診センター" + code.substring(5), "ケンシンセンター",
                FacilityKind.CHECKUP_CENTRE, code, 34, "広島市南区", "082-000-9999", true, true, FacilityStatus.ACTIVE));
        ImportSource source = sources.create(centre.id(), ImportKind.CHECKUP, "checkup-" + code, null, false);
        String number = String.valueOf(100000 + ThreadLocalRandom.current().nextInt(899999));
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        return new Examinee(centre, source, FhirRecords.uniqueKana() + "　" + FhirRecords.uniqueKana(), number,
                born.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    /**
     * Imports the typical sample for the examinee, performed on {@code day} ({@code yyyyMMdd}), each {@code replaced}
     * text (e.g. {@code value="72.4"}) replaced; returns the examinee's person.
     */
    public long send(Examinee examinee, String day, Map<String, String> replaced) {
        String text = CheckupSamples.text(CheckupSamples.MALE).replace("ケンシン　イチロウ", examinee.kana())
                .replace("19650412", examinee.born()).replace("架空町１－２－３", "架空町" + examinee.number())
                .replace("082-000-1234", "082-" + examinee.number().substring(0, 3) + "-" + examinee.number().substring(2))
                .replace("extension=\"４５６７\"", "extension=\"" + examinee.number() + "\"")
                .replace("<effectiveTime value=\"20250612\"/>", "<effectiveTime value=\"" + day + "\"/>");
        for (Map.Entry<String, String> r : replaced.entrySet()) {
            assertThat(text).contains(r.getKey());
            text = text.replace(r.getKey(), r.getValue());
        }
        ImportBatch batch = imports.run(examinee.source(), List.of(new IncomingFile(SourceFile.of("h-" + day + ".xml",
                        text.getBytes(StandardCharsets.UTF_8)), Instant.now())).iterator(),
                new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE), ImportProgress.NONE);
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsStored()).isEqualTo(1);
        var persons = identities.personsWithPatientsAt(examinee.centre().id(), 2);
        assertThat(persons).as("the examinee is one person").hasSize(1);
        return persons.getFirst().id();
    }
}
