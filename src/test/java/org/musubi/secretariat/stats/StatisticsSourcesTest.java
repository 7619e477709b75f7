package org.musubi.secretariat.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The statistics never read a patient's record: no class of {@code secretariat.stats} uses the record store, the
 * importer or the FHIR API, and every table its SQL names is one of the registry, consent, identity, the audit trail or
 * its own.
 */
class StatisticsSourcesTest {

    static final Set<String> ALLOWED = Set.of("facility", "person", "consent", "card", "match_review", "audit_event",
            "stats_usage_day", "stats_usage_month", "stats_card_month", "stats_residents", "stats_population", "stats_rollup");
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z_0-9]*)");
    /** Words after FROM/JOIN/INTO/UPDATE that are no table: SET, the function unnest over a statement's own parameters,
     *  the demo day's common table expression. */
    private static final Set<String> NOT_TABLES = Set.of("set", "unnest", "seeded");

    static Set<String> tables(String source) {
        Set<String> tables = new TreeSet<>();
        Matcher m = TABLE.matcher(source);
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!NOT_TABLES.contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }

    @Test
    void theStatisticsDependOnNoRecordStoreImporterNorFhirApi() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.musubi.secretariat.stats");
        assertThat(classes).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.musubi.record..", "org.musubi.ingest..",
                "org.musubi.fhirapi..", "org.musubi.letters..", "org.musubi.box..")
                .because("the statistics are counts from the registry, consent, identity and the audit trail")
                .check(classes);
    }

    @Test
    void theStoresSqlNamesOnlyTheRegistryConsentIdentityAuditAndItsOwnTables() throws IOException {
        String source = Files.readString(Path.of("src/main/java/org/musubi/secretariat/stats/jdbc/JdbcStatisticsStore.java"));
        Set<String> named = tables(source);
        assertThat(named).contains("audit_event", "card", "consent", "stats_usage_day");
        assertThat(named).isSubsetOf(ALLOWED);
    }

    @Test
    void aQueryOfTheRecordStoreWouldBeFound() {
        assertThat(tables("SELECT count(*) FROM resource r JOIN resource_version v ON true")).isNotEmpty()
                .doesNotContainAnyElementsOf(ALLOWED);
    }
}
