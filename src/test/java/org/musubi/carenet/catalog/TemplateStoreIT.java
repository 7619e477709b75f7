package org.musubi.carenet.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Audit;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.PathwayTemplates;
import org.musubi.pathway.TemplateCheck;
import org.musubi.pathway.TemplateRejected;
import org.musubi.registry.Administrator;
import org.musubi.registry.NotPermitted;
import org.musubi.registry.User;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The template store and the catalog over PostgreSQL: the shipped four seeded once (also when nodes seed together),
 * a published version becomes current while the earlier one stays readable by its number, a draft is never offered,
 * a template with a fault is not published, every change is one audit row, and a read-only standby serves the
 * catalog but refuses every change.
 */
@MusubiIntegrationTest
class TemplateStoreIT extends NetworkFixtures {

    @Autowired
    TemplateStore store;
    @Autowired
    TemplateRows rows;
    @Autowired
    PathwayCatalog catalog;
    @Autowired
    Audit auditTrail;

    @Test
    void theShippedTemplatesAreTheFirstPublishedVersionsSeededOnceEvenWhenNodesSeedTogether() throws Exception {
        for (String code : PathwayTemplates.SHIPPED) {
            TemplateRow first = rows.find(code, 1).orElseThrow();
            assertThat(first.status()).isIn(TemplateStatus.PUBLISHED, TemplateStatus.RETIRED);
            assertThat(first.body()).isEqualTo(ShippedSeed.json(code));
            assertThat(first.createdBy()).as("shipped, made by nobody").isNull();
            assertThat(catalog.version(code, "1")).map(PathwayTemplate::code).contains(code);
        }
        assertThat(new ShippedSeed(rows, Standby.fixed(false)).seed()).as("at a second start: nothing").isZero();

        String code = "seed-" + tag();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> rows.seed(List.of(code), c -> ShippedSeed.json("dementia").replace("\"dementia\"",
                        "\"" + code + "\"")));
            }
            int stored = 0;
            for (Future<Integer> start : nodes.invokeAll(starts)) {
                stored += start.get();
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(rows.of(code)).hasSize(1).first().extracting(TemplateRow::status).isEqualTo(TemplateStatus.PUBLISHED);
    }

    @Test
    void aPublishedVersionBecomesCurrentWhileTheEarlierOneStaysReadableByItsNumber() {
        User operator = accounts.networkAdmin();
        Administrator admin = Administrator.of(operator);
        String code = "stroke-" + tag();
        long before = audit.max();

        TemplateRow first = store.importTemplate(admin, strokeAs(code));
        assertThat(first.version()).isEqualTo(1);
        assertThat(catalog.current(code)).as("a draft is not offered").isEmpty();
        assertThat(catalog.version(code, "1")).as("nor read by version").isEmpty();
        store.publish(admin, code, 1);
        assertThat(catalog.current(code)).map(PathwayTemplate::version).contains("1");

        TemplateRow draft = store.newVersion(admin, code);
        assertThat(draft.version()).isEqualTo(2);
        assertThat(store.newVersion(admin, code)).as("the draft there is").isEqualTo(draft);
        store.edit(admin, code, 2, "an item", e -> e.addItem("acute", "", "swallow-test", "boolean", "嚥下スクリーニング"));
        assertThat(catalog.current(code)).map(PathwayTemplate::version).as("still the published one").contains("1");
        store.publish(admin, code, 2);

        PathwayTemplate current = catalog.current(code).orElseThrow();
        assertThat(current.version()).isEqualTo("2");
        assertThat(current.stage("acute").orElseThrow().form().getItem()).anyMatch(i -> i.getLinkId().equals("swallow-test"));
        assertThat(current.stage("acute").orElseThrow().form().getVersion()).isEqualTo("2");
        PathwayTemplate old = catalog.version(code, "1").orElseThrow();
        assertThat(old.stage("acute").orElseThrow().form().getItem()).noneMatch(i -> i.getLinkId().equals("swallow-test"));
        assertThat(catalog.current()).extracting(PathwayTemplate::code).containsOnlyOnce(code);
        assertThatThrownBy(() -> store.edit(admin, code, 1, "x", e -> e.title("変更", "changed")))
                .isInstanceOf(CatalogRefused.class).extracting(e -> ((CatalogRefused) e).key())
                .isEqualTo(CatalogRefused.NOT_DRAFT);

        store.retire(admin, code, 2);
        assertThat(catalog.current(code)).map(PathwayTemplate::version).as("the earlier published one again").contains("1");
        assertThat(catalog.version(code, "2")).as("a retired version stays readable").isPresent();
        assertThat(changes(before, code)).containsExactly("PATHWAY_TEMPLATE_CREATE PERMIT " + code + "/1",
                "PATHWAY_TEMPLATE_PUBLISH PERMIT " + code + "/1", "PATHWAY_TEMPLATE_CREATE PERMIT " + code + "/2",
                "PATHWAY_TEMPLATE_UPDATE PERMIT " + code + "/2", "PATHWAY_TEMPLATE_PUBLISH PERMIT " + code + "/2",
                "PATHWAY_TEMPLATE_RETIRE PERMIT " + code + "/2");
    }

    @Test
    void aDraftWithAFaultIsNotPublishedAndAMalformedImportChangesNothing() {
        User operator = accounts.networkAdmin();
        Administrator admin = Administrator.of(operator);
        String code = "faulty-" + tag();
        store.create(admin, code, "試験", "Test");
        store.edit(admin, code, 1, "stage", e -> e.addStage("first", "初回", "First", List.of("CLINIC"), 0)
                .addItem("first", "", "weight", "decimal", "")
                .addItem("first", "", "done", "boolean", "実施"));
        String stored = rows.find(code, 1).orElseThrow().body();
        long before = audit.max();

        assertThatThrownBy(() -> store.publish(admin, code, 1)).isInstanceOfSatisfying(TemplateRejected.class,
                e -> assertThat(e.faults()).anySatisfy(f -> {
                    assertThat(f.item()).isEqualTo("first/weight");
                    assertThat(f.reason()).isEqualTo(TemplateCheck.NO_TEXT);
                }));
        assertThatThrownBy(() -> store.importQuestionnaire(admin, code, 1, "first", """
                {"resourceType": "Questionnaire", "status": "active", "item": [
                  {"linkId": "a", "text": "A", "type": "integer"},
                  {"linkId": "b", "text": "B", "type": "string",
                   "enableWhen": [{"question": "nowhere", "operator": "=", "answerInteger": 1}]}]}"""))
                .isInstanceOfSatisfying(TemplateRejected.class, e -> assertThat(e.faults()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.item()).isEqualTo("b");
                            assertThat(f.reason()).isEqualTo(TemplateCheck.ENABLE_WHEN_UNKNOWN);
                        }));

        assertThat(rows.find(code, 1).orElseThrow().body()).as("nothing half-saved").isEqualTo(stored);
        assertThat(rows.find(code, 1).orElseThrow().status()).isEqualTo(TemplateStatus.DRAFT);
        assertThat(changes(before, code)).as("a refused change is no change").isEmpty();
        assertThatThrownBy(() -> store.publish(Administrator.of(accounts.adminOf(accounts.facilityOf(
                org.musubi.registry.FacilityKind.CLINIC))), code, 1)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void aReadOnlyStandbyServesTheCatalogAndRefusesEveryChange() {
        Administrator admin = Administrator.of(accounts.networkAdmin());
        String code = "standby-" + tag();
        store.importTemplate(admin, strokeAs(code));
        TemplateStore standby = new TemplateStore(rows, auditTrail, Standby.fixed(true));
        String body = rows.find(code, 1).orElseThrow().body();

        assertThatThrownBy(() -> standby.publish(admin, code, 1)).isInstanceOf(ReadOnlyStandbyException.class);
        assertThatThrownBy(() -> standby.edit(admin, code, 1, "t", e -> e.title("a", "b")))
                .isInstanceOf(ReadOnlyStandbyException.class);
        assertThatThrownBy(() -> standby.newVersion(admin, "stroke")).isInstanceOf(ReadOnlyStandbyException.class);
        assertThatThrownBy(() -> standby.create(admin, code + "-x", "a", "b")).isInstanceOf(ReadOnlyStandbyException.class);
        assertThat(new ShippedSeed(rows, Standby.fixed(true)).seed()).isZero();

        assertThat(rows.find(code, 1).orElseThrow().body()).isEqualTo(body);
        assertThat(new StoredCatalog(rows).current("stroke")).as("the catalog reads on a standby").isPresent();
        assertThat(standby.all()).isNotEmpty();
    }

    /** The audit rows about this template's versions after {@code afterSeq}: action, outcome, code/version. */
    private List<String> changes(long afterSeq, String code) {
        return jdbc.sql("""
                SELECT action || ' ' || outcome || ' ' || resource_ids[1] FROM audit_event
                WHERE seq > ? AND resource_type = 'PathwayTemplate' AND resource_ids[1] LIKE ? ORDER BY seq""")
                .params(afterSeq, code + "/%").query(String.class).list();
    }

    private static String strokeAs(String code) {
        return ShippedSeed.json("stroke").replaceFirst("\"code\"\\s*:\\s*\"stroke\"", "\"code\": \"" + code + "\"");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
