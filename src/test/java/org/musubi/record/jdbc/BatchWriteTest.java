package org.musubi.record.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.musubi.policy.DataCategory;
import org.musubi.record.NotOwner;
import org.musubi.record.ResourceWrite;
import org.musubi.record.SearchIndex;
import org.musubi.record.Written;

class BatchWriteTest {

    private static final SearchIndex NONE = new SearchIndex(List.of(), List.of());

    @Test
    void decidesEachWriteAsIfTheEarlierOnesWereAlreadyStored() {
        BatchWrite batch = new BatchWrite(null);

        Written created = batch.apply(write("a", null, "{\"v\":1}"));
        Written same = batch.apply(write("a", null, "{\"v\":1}"));
        Written changed = batch.apply(write("a", null, "{\"v\":2}"));

        assertThat(List.of(created.change(), same.change(), changed.change()))
                .containsExactly(Written.Change.CREATED, Written.Change.UNCHANGED, Written.Change.UPDATED);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(batch.versions()).extracting(BatchWrite.Version::version).containsExactly(1, 2);
        assertThat(batch.changed()).singleElement().satisfies(s -> assertThat(s.stored).isFalse());
    }

    @Test
    void findsAStoredResourceByItsSourceKeyAndLeavesEqualContentUnchanged() {
        BatchWrite batch = new BatchWrite(null);
        batch.known(new BatchWrite.State(7, "p1", "Patient", 3, false, BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8)), 9L), "L-1");

        Written same = batch.apply(new ResourceWrite(7, "Patient", null, "L-1", 9, DataCategory.DEMOGRAPHICS, "{}", NONE));
        Written newer = batch.apply(new ResourceWrite(7, "Patient", null, "L-1", 9, DataCategory.DEMOGRAPHICS, "{\"a\":1}",
                NONE));

        assertThat(same).isEqualTo(new Written("Patient", "p1", 3, Written.Change.UNCHANGED));
        assertThat(newer).isEqualTo(new Written("Patient", "p1", 4, Written.Change.UPDATED));
        assertThat(batch.changed()).singleElement().satisfies(s -> assertThat(s.stored).isTrue());
    }

    @Test
    void aDeletedResourceWrittenWithEqualContentComesBack() {
        BatchWrite batch = new BatchWrite(null);
        batch.known(new BatchWrite.State(7, "o1", "Observation", 2, true, BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8)), 9L), null);

        assertThat(batch.apply(write("o1", null, "{}"))).isEqualTo(new Written("Observation", "o1", 3, Written.Change.UPDATED));
    }

    @Test
    void refusesAnIdOfAnotherPatient() {
        BatchWrite batch = new BatchWrite(null);
        batch.known(new BatchWrite.State(8, "o1", "Observation", 1, false, BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8)), 9L), null);

        assertThatThrownBy(() -> batch.apply(write("o1", null, "{}"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchOfOneFacilityRefusesAnotherFacilitysResourceAndAcceptsItsOwn() {
        BatchWrite batch = new BatchWrite(9L);
        batch.known(new BatchWrite.State(7, "o1", "Observation", 1, false, BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8)), 9L), null);
        batch.known(new BatchWrite.State(7, "o2", "Observation", 1, false, BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8)), 4L), null);

        assertThat(batch.apply(write("o1", null, "{\"v\":1}")).change()).isEqualTo(Written.Change.UPDATED);
        assertThat(batch.apply(write("o3", null, "{}")).change()).as("a new resource").isEqualTo(Written.Change.CREATED);
        assertThatThrownBy(() -> batch.apply(write("o2", null, "{\"v\":1}"))).isInstanceOf(NotOwner.class)
                .hasMessageContaining("Observation/o2");
        BatchWrite anyone = new BatchWrite(null);
        anyone.known(new BatchWrite.State(7, "o2", "Observation", 1, false, BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8)), 4L), null);
        assertThat(anyone.apply(write("o2", null, "{\"v\":1}")).change()).as("without an owner, anyone's")
                .isEqualTo(Written.Change.UPDATED);
    }

    @Test
    void equalContentHoldingOtherCategoriesIsANewVersion() {
        BatchWrite batch = new BatchWrite(null);
        BatchWrite.State stored = new BatchWrite.State(7, "b1", "Bundle", 1, false,
                BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8)), 9L);
        stored.held = Set.of(DataCategory.values());
        batch.known(stored, null);
        ResourceWrite bundle = new ResourceWrite(7, "Bundle", "b1", null, 9, DataCategory.DOCUMENTS, "{}", NONE,
                Set.of(DataCategory.LAB_RESULTS));

        Written written = batch.apply(bundle);
        Written again = batch.apply(bundle);

        assertThat(written).isEqualTo(new Written("Bundle", "b1", 2, Written.Change.UPDATED));
        assertThat(again.change()).isEqualTo(Written.Change.UNCHANGED);
        assertThat(batch.versions()).singleElement().satisfies(v -> assertThat(v.held()).containsExactly(DataCategory.LAB_RESULTS));
    }

    @Test
    void namesEveryWriteOfAnotherFacilitysOrAnotherPatientsIdBeforeAnyIsApplied() {
        BatchWrite batch = new BatchWrite(9L);
        byte[] empty = BatchWrite.sha256("{}".getBytes(StandardCharsets.UTF_8));
        batch.known(new BatchWrite.State(7, "own", "Observation", 1, false, empty, 9L), null);
        batch.known(new BatchWrite.State(3, "squat", "Observation", 1, false, empty, 4L), null);
        batch.known(new BatchWrite.State(8, "other-patient", "Observation", 1, false, empty, 9L), null);
        batch.known(new BatchWrite.State(7, "twice", "Observation", 1, false, empty, 9L), null);
        batch.known(new BatchWrite.State(5, "twice", "Observation", 1, false, empty, 4L), null);

        assertThatThrownBy(() -> batch.requireWritable(List.of(write("own", null, "{}"), write("squat", null, "{}"),
                write("new", null, "{}"), write("other-patient", null, "{}"), write("twice", null, "{}"))))
                .isInstanceOfSatisfying(NotOwner.class, e -> assertThat(e.refs())
                        .containsExactly("Observation/squat", "Observation/other-patient", "Observation/twice"));
        batch.requireWritable(List.of(write("own", null, "{}"), write("new", null, "{}")));
        new BatchWrite(null).requireWritable(List.of(write("squat", null, "{}")));
    }

    private static ResourceWrite write(String id, String sourceKey, String json) {
        return new ResourceWrite(7, "Observation", id, sourceKey, 9, DataCategory.LAB_RESULTS, json, NONE);
    }
}
