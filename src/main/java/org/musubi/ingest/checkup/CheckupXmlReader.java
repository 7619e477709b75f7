package org.musubi.ingest.checkup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;

/**
 * A checkup organisation's 特定健診 results in the MHLW standard form (特定健診情報ファイル, HL7 CDA R2; see
 * {@code docs/import.md}): one XML file per examinee, or a ZIP of them (a submission as sent to insurers, or any ZIP of
 * such files). Each document is a record: the examinee as the centre's patient, the checkup as an Encounter, each
 * result as an Observation with its 特定健診項目コード and a DiagnosticReport grouping them. A document that cannot be
 * taken is rejected alone, and a result that cannot be read alone, naming the file, the element and the reason.
 * The XML is read by the JDK's parser with document type declarations refused ({@link XmlTree}).
 */
public final class CheckupXmlReader implements SourceReader {

    /** A single document larger than this is refused (a 特定健診 file is tens of kilobytes). */
    static final int MAX_DOCUMENT = 32 << 20;

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        CheckupDocuments documents = new CheckupDocuments(context);
        Location whole = Location.file(file.name());
        try (InputStream in = new BufferedInputStream(file.content().open())) {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (CheckupArchive.isZip(head)) {
                new CheckupArchive(documents).read(file.name(), in, results);
                return;
            }
            byte[] bytes = in.readNBytes(MAX_DOCUMENT + 1);
            if (bytes.length > MAX_DOCUMENT) {
                results.accept(CheckupProblems.rejected(whole, null, "checkup.tooLarge", MAX_DOCUMENT));
                return;
            }
            documents.read(file.name(), bytes).results().forEach(results);
        } catch (IOException e) {
            results.accept(CheckupProblems.rejected(whole, null, "checkup.unreadable", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            results.accept(CheckupProblems.rejected(whole, null, "checkup.internal", e.getClass().getSimpleName()));
        }
    }
}
