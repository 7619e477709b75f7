package org.musubi.synth.sources.jahis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.identity.Person;
import org.musubi.synth.sources.SourceRun;
import org.musubi.synth.sources.SourceSummary;
import org.musubi.synth.sources.care.CareEvent;
import org.musubi.synth.sources.care.Chart;
import org.musubi.synth.sources.care.Health;
import org.musubi.synth.sources.sites.Site;

/**
 * A person's pharmacies: each outpatient prescription not deleted is dispensed, mostly at the
 * usual pharmacy and the same day, as the prescriber finally ordered it. A pharmacy's file holds
 * its own dispensings and, when the patient showed their notebook there, the other pharmacy's
 * too, so the same dispensing can come from two pharmacies.
 */
public final class Pharmacies {

    private static final int OTHER_PHARMACY_PERCENT = 25;
    private static final int NEXT_DAY_PERCENT = 10;
    private static final int SHOWN_NOTEBOOK_PERCENT = 30;

    private final SplittableRandom random;
    private final List<Site> pharmacies;
    private final SourceRun run;
    private final List<Dispensing> dispensings = new ArrayList<>();

    public Pharmacies(SplittableRandom random, List<Site> pharmacies, SourceRun run) {
        this.random = random;
        this.pharmacies = pharmacies;
        this.run = run;
    }

    public void dispense(Chart prescriber, List<CareEvent> events) {
        if (pharmacies.isEmpty()) {
            return;
        }
        for (CareEvent event : events) {
            if (event instanceof CareEvent.Prescription p && p.order().revision() != CareEvent.Revision.DELETED) {
                boolean other = pharmacies.size() > 1 && random.nextInt(100) < OTHER_PHARMACY_PERCENT;
                Site pharmacy = pharmacies.get(other ? 1 : 0);
                LocalDate day = p.at().toLocalDate().plusDays(random.nextInt(100) < NEXT_DAY_PERCENT ? 1 : 0);
                day = day.isAfter(run.options().until()) ? p.at().toLocalDate() : day;
                dispensings.add(new Dispensing(day, pharmacy, pharmacy.someStaff(random), prescriber, p.drugs(), p.days()));
            }
        }
    }

    /** Writes each pharmacy's file, if the person had anything dispensed there. */
    public void write(long index, Person person, Health health) {
        for (Site pharmacy : pharmacies) {
            boolean shown = random.nextInt(100) < SHOWN_NOTEBOOK_PERCENT;
            List<Dispensing> notebook = new ArrayList<>();
            for (Dispensing dispensing : dispensings) {
                if (dispensing.pharmacy() == pharmacy || shown) {
                    notebook.add(dispensing);
                }
            }
            boolean utf8 = random.nextInt(100) < run.options().jahisUtf8Percent();
            if (notebook.stream().noneMatch(d -> d.pharmacy() == pharmacy)) {
                continue;
            }
            notebook.sort(Comparator.comparing(Dispensing::date).reversed());
            String text = JahisNotebook.text(run.registrations().of(index, person, pharmacy.index()).demographics(), health, notebook);
            JahisWriter.write(run.out(), pharmacy, pharmacy.patientIds().of(index), text, utf8);
            run.counts().add(pharmacy.code(), SourceSummary.JAHIS);
        }
    }
}
