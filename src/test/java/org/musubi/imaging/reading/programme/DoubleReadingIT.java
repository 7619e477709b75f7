package org.musubi.imaging.reading.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.junit.jupiter.api.Test;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ProgrammeStatistics;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.remote.ReadingContext;
import org.musubi.imaging.reading.remote.ReadingFixtures;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.record.Reader;
import org.musubi.registry.Facility;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.testing.DisclosuresMade;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Double reading's doors against the database: an operator sets a gastric endoscopy programme up; a hospital's doctor
 * submits an endoscopy study; the two readers assigned read blind (neither sees the other's reading, nor the study
 * after reading); a reader never compares; a third reader of the pool sees both and records the final reading, which
 * is a JP Core endoscopy DiagnosticReport in the hospital's record; statistics for the chief only; every door one
 * audit row; a stranger, a nurse and a guessed id meet entries that do not exist.
 */
@MusubiIntegrationTest
class DoubleReadingIT extends NetworkFixtures {

    @Autowired
    CreateProgramme creation;
    @Autowired
    SubmitForDoubleReading submissions;
    @Autowired
    OpenProgrammeStudy opening;
    @Autowired
    ReadProgrammeStudy reading;
    @Autowired
    CompareReadings comparing;
    @Autowired
    ShowProgrammeStatistics statistics;
    @Autowired
    IdentityStore identities;
    @Autowired
    StudyIndex index;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aStudyIsReadBlindByTwoThenComparedByAThirdAndTheFinalReadingReturns() {
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        User chief = accounts.memberOf(centre, Profession.DOCTOR);
        List<User> pool = List.of(accounts.memberOf(centre, Profession.DOCTOR), accounts.memberOf(centre, Profession.DOCTOR),
                accounts.memberOf(centre, Profession.DOCTOR));
        User nurse = accounts.memberOf(centre, Profession.NURSE);
        User submitter = accounts.memberOf(hospital, Profession.DOCTOR);
        User stranger = accounts.memberOf(accounts.newHospital(), Profession.DOCTOR);
        User admin = accounts.networkAdmin();

        assertThat(creation.create(chief.id(), false, "胃がん検診", Programme.Kind.GASTRIC_ENDOSCOPY, "ES",
                centre.id(), chief.id(), pool.stream().map(User::id).toList())).isEmpty();
        assertThatThrownBy(() -> creation.create(admin.id(), true, "胃がん検診" + centre.id(),
                Programme.Kind.GASTRIC_ENDOSCOPY, "ES", centre.id(), chief.id(), List.of(pool.get(0).id())))
                .isInstanceOf(ProgrammeFault.class).extracting(f -> ((ProgrammeFault) f).key())
                .isEqualTo(ProgrammeFault.READERS);
        Programme programme = creation.create(admin.id(), true, "胃内視鏡検診 " + centre.id(),
                Programme.Kind.GASTRIC_ENDOSCOPY, "ES", centre.id(), chief.id(),
                pool.stream().map(User::id).toList()).orElseThrow();

        ReadingFixtures.Study study = ReadingFixtures.study(clients, port, identities, index, consents, admin.id(),
                hospital, "ES");
        long before = audit.max();
        ProgrammeStudy entry = submissions.submit(reader(submitter), study.uid(), programme.id()).orElseThrow();
        assertThat(rowsAbout(before, study)).isEqualTo(1);
        assertThatThrownBy(() -> submissions.submit(reader(submitter), study.uid(), programme.id()))
                .isInstanceOf(ProgrammeFault.class);
        assertThat(submissions.submit(reader(stranger), study.uid(), programme.id())).as("not the stranger's to see")
                .isEmpty();

        User first = user(pool, entry.reading().first());
        User second = user(pool, entry.reading().second());
        User third = pool.stream().filter(u -> u != first && u != second).findFirst().orElseThrow();
        assertThat(List.of(first.id(), second.id())).doesNotContain(submitter.id());

        // blind: each reader sees the entry with no other reading
        Programmes.Shown firstSees = opening.item(reader(first), entry.id()).orElseThrow();
        assertThat(firstSees.role()).isEqualTo(Programmes.Role.READER);
        assertThat(firstSees.other()).isNull();
        assertThat(opening.item(reader(third), entry.id())).as("the third reads later, at the comparison").isEmpty();
        assertThat(opening.item(reader(nurse), entry.id())).isEmpty();
        assertThat(opening.item(reader(stranger), entry.id())).isEmpty();
        assertThat(opening.item(reader(first), 987_654_321L)).isEmpty();

        before = audit.max();
        assertThat(reading.read(reader(first), entry.id(), ScreeningCategory.FURTHER_EXAM, "体部小弯に発赤")).isPresent();
        assertThat(rowsAbout(before, study)).isEqualTo(1);
        assertThat(reading.read(reader(first), entry.id(), ScreeningCategory.NO_FURTHER_EXAM, null))
                .as("a reader reads once").isEmpty();
        assertThat(opening.item(reader(first), entry.id())).as("nor looks again while the other reads").isEmpty();
        Programmes.Shown secondSees = opening.item(reader(second), entry.id()).orElseThrow();
        assertThat(secondSees.other()).as("blind to the first reading").isNull();
        assertThat(comparing.compare(reader(second), entry.id(), ScreeningCategory.NO_FURTHER_EXAM, null))
                .as("not at the comparison yet").isEmpty();
        assertThat(reading.read(reader(second), entry.id(), ScreeningCategory.NO_FURTHER_EXAM, null)).isPresent();

        // the comparison: never one of the two readers; the third reader sees both
        assertThat(comparing.compare(reader(first), entry.id(), ScreeningCategory.FURTHER_EXAM, null)).isEmpty();
        Programmes.Shown thirdSees = opening.item(reader(third), entry.id()).orElseThrow();
        assertThat(thirdSees.role()).isEqualTo(Programmes.Role.COMPARER);
        assertThat(List.of(thirdSees.own(), thirdSees.other()))
                .containsExactly(ScreeningCategory.FURTHER_EXAM, ScreeningCategory.NO_FURTHER_EXAM);
        before = audit.max();
        ProgrammeStudy done = comparing.compare(reader(third), entry.id(), ScreeningCategory.FURTHER_EXAM, "要精検とする")
                .orElseThrow();
        assertThat(rowsAbout(before, study)).isEqualTo(1);
        assertThat(done.reading().phase()).isEqualTo(DoubleReading.Phase.FINAL);
        assertThat(comparing.compare(reader(chief), entry.id(), ScreeningCategory.NO_FURTHER_EXAM, null))
                .as("final takes no more steps").isEmpty();

        DiagnosticReport report = clients.fhirFor(port, hospital, "system/*.read").read()
                .resource(DiagnosticReport.class).withId(done.reportId()).execute();
        assertThat(report.getMeta().getProfile().getFirst().getValue()).isEqualTo(ProgrammeReports.ENDOSCOPY);
        assertThat(report.getCode().getCodingFirstRep().getCode()).isEqualTo("18751-8");
        assertThat(report.getConclusionCode().getFirst().getCodingFirstRep().getCode()).isEqualTo("FURTHER_EXAM");
        assertThat(report.getConclusionCode().get(1).getCodingFirstRep().getCode()).isEqualTo("DIFFERED");
        assertThat(report.getConclusion()).contains("要精検", "要精検とする");

        assertThat(submissions.submitted(reader(submitter))).extracting(l -> l.entry().id()).contains(entry.id());
        ProgrammeStatistics figures = statistics.statistics(reader(chief), false, programme.id()).orElseThrow();
        assertThat(List.of(figures.studies(), figures.finished(), figures.agreed(), figures.furtherExam()))
                .containsExactly(1, 1, 0, 1);
        assertThat(statistics.statistics(reader(first), false, programme.id())).isEmpty();
        assertThat(statistics.statistics(reader(submitter), false, programme.id())).isEmpty();
    }

    @Test
    void theViewerOpensTheStudyOnlyForWhoseStepItIs() {
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        User chief = accounts.memberOf(centre, Profession.DOCTOR);
        List<User> pool = List.of(accounts.memberOf(centre, Profession.DOCTOR), accounts.memberOf(centre, Profession.DOCTOR));
        User admin = accounts.networkAdmin();
        Programme programme = creation.create(admin.id(), true, "胸部検診 " + centre.id(), Programme.Kind.CHEST_XRAY,
                "CR", centre.id(), chief.id(), pool.stream().map(User::id).toList()).orElseThrow();
        ReadingFixtures.Study study = ReadingFixtures.study(clients, port, identities, index, consents, admin.id(),
                hospital, "CR");
        ProgrammeStudy entry = submissions.submit(reader(accounts.memberOf(hospital, Profession.DOCTOR)), study.uid(),
                programme.id()).orElseThrow();
        String viewer = "/imaging/viewer/studies/" + study.uid();
        assertThat(accounts.signedIn(port, pool.get(0)).get(viewer).statusCode()).isEqualTo(200);
        assertThat(accounts.signedIn(port, chief).get(viewer).statusCode()).as("not yet the chief's step").isEqualTo(404);
        reading.read(reader(pool.get(0)), entry.id(), ScreeningCategory.NO_FURTHER_EXAM, null).orElseThrow();
        assertThat(accounts.signedIn(port, pool.get(0)).get(viewer).statusCode()).as("read: the grant ended")
                .isEqualTo(404);
        reading.read(reader(pool.get(1)), entry.id(), ScreeningCategory.NO_FURTHER_EXAM, null).orElseThrow();
        assertThat(accounts.signedIn(port, chief).get(viewer).statusCode()).isEqualTo(200);
        comparing.compare(reader(chief), entry.id(), ScreeningCategory.NO_FURTHER_EXAM, null).orElseThrow();
        assertThat(accounts.signedIn(port, chief).get(viewer).statusCode()).as("final: the grant ended").isEqualTo(404);
        assertThat(statistics.statistics(reader(chief), false, programme.id()).orElseThrow().agreed()).isEqualTo(1);
    }

    /** Audit rows since {@code before} naming the study's ImagingStudy (the services are called without a session). */
    private long rowsAbout(long before, ReadingFixtures.Study study) {
        return audit.rowsSince(before).stream().filter(r -> r.resourceIds().stream()
                .anyMatch(id -> id.equals(study.resourceId()) || id.endsWith("/" + study.resourceId()))).count();
    }

    private static User user(List<User> pool, long id) {
        return pool.stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    /**
     * Submitting a study discloses it to the programme's centre (issue 68): exactly one disclosure, written in the
     * submitting transaction — a submission rolled back leaves neither the entry nor its disclosure.
     */
    @Test
    void anEntryIsDisclosedToTheProgrammesCentreOnceInTheSubmittingTransaction() {
        Facility hospital = accounts.newHospital();
        Facility centre = accounts.newHospital();
        User chief = accounts.memberOf(centre, Profession.DOCTOR);
        List<User> pool = List.of(accounts.memberOf(centre, Profession.DOCTOR),
                accounts.memberOf(centre, Profession.DOCTOR));
        User submitter = accounts.memberOf(hospital, Profession.DOCTOR);
        User admin = accounts.networkAdmin();
        Programme programme = creation.create(admin.id(), true, "胃内視鏡検診 " + centre.id(),
                Programme.Kind.GASTRIC_ENDOSCOPY, "ES", centre.id(), chief.id(),
                pool.stream().map(User::id).toList()).orElseThrow();
        ReadingFixtures.Study study = ReadingFixtures.study(clients, port, identities, index, consents, admin.id(),
                hospital, "ES");

        ProgrammeStudy undone = DisclosuresMade.rolledBack(transactions,
                () -> submissions.submit(reader(submitter), study.uid(), programme.id()).orElseThrow());
        ProgrammeStudy entry = submissions.submit(reader(submitter), study.uid(), programme.id()).orElseThrow();

        assertThat(DisclosuresMade.count(jdbc, ReadingContext.entrySource(entry.id()))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM reading_double WHERE id = ?").param(undone.id()).query(Long.class)
                .single()).isZero();
        assertThat(DisclosuresMade.count(jdbc, ReadingContext.entrySource(undone.id()))).isZero();
    }

    private static Reader reader(User user) {
        return new Reader(user.id(), user.memberships().getFirst().facilityId());
    }
}
