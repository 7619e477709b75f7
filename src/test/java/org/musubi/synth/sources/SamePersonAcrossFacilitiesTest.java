package org.musubi.synth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.identity.Person;
import org.musubi.synth.SyntheticNetwork;
import org.musubi.synth.sources.sites.Site;
import org.musubi.synth.sources.sites.Sites;
import org.musubi.synth.sources.ssmix2.Hl7Time;

/** A person attends several facilities, each with its own patient ID and its own way of writing their details. */
class SamePersonAcrossFacilitiesTest {

    private static final int PERSONS = 60;

    @TempDir
    static Path out;
    static SyntheticNetwork network;
    static Sites sites;

    @BeforeAll
    static void write() {
        network = SourceTrees.network(5, PERSONS);
        SourceFiles.write(network, out, SourceOptions.defaults(5).withMessagesPerPatient(12));
        sites = Sites.of(network, 5, PERSONS);
    }

    @Test
    void everyPersonIsAPatientAtOneToThreeFacilitiesAndManyAtSeveral() {
        List<Integer> counts = new ArrayList<>();
        for (int index = 0; index < PERSONS; index++) {
            counts.add(charts(index).size());
        }
        assertThat(counts).allSatisfy(n -> assertThat(n).isBetween(1, 3));
        assertThat(counts.stream().filter(n -> n > 1).count()).isGreaterThan(PERSONS / 4);
    }

    @Test
    void aPersonHasADifferentPatientIdAtEachFacility() {
        for (int index = 0; index < PERSONS; index++) {
            List<String> ids = charts(index).stream().map(Path::getFileName).map(Path::toString).toList();
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void facilitiesRecordTheSamePersonWithVariationsButRecognisably() {
        int varied = 0;
        for (int index = 0; index < PERSONS; index++) {
            Person person = network.persons().get(index);
            List<String[]> pids = charts(index).stream().map(SamePersonAcrossFacilitiesTest::pid).toList();
            for (String[] pid : pids) {
                boolean sameName = pid[5].startsWith(person.familyKanji() + "^") || pid[5].contains("~" + person.familyKana() + "^");
                boolean sameBirth = pid[7].equals(Hl7Time.date(person.birthDate()));
                assertThat(sameName || sameBirth).as("person %d at %s", index, pid[3]).isTrue();
            }
            if (pids.size() > 1 && pids.stream().map(p -> p[5] + p[7] + p[11] + p[13]).distinct().count() > 1) {
                varied++;
            }
        }
        assertThat(varied).isGreaterThan(5);
    }

    /** The patient folders of the person at {@code index}, one per facility that has them. */
    private static List<Path> charts(int index) {
        List<Path> charts = new ArrayList<>();
        for (Site site : sites.medical()) {
            String id = site.patientIds().of(index);
            Path folder = out.resolve(site.code()).resolve("ssmix2").resolve(id.substring(0, 3)).resolve(id.substring(3, 6))
                    .resolve(id);
            if (Files.isDirectory(folder)) {
                charts.add(folder);
            }
        }
        return charts;
    }

    private static String[] pid(Path chart) {
        try (var files = Files.list(chart.resolve("-").resolve("ADT-00"))) {
            String message = SourceTrees.hl7(files.findFirst().orElseThrow());
            String pid = List.of(message.split("\r")).stream().filter(s -> s.startsWith("PID|")).findFirst().orElseThrow();
            return pid.split("\\|", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
