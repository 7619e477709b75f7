package org.musubi.synth.sources;

import java.time.LocalDate;

/**
 * How to write a network's source files.
 *
 * @param seed               generator seed; the same seed and options give byte-identical files
 * @param messagesPerPatient SS-MIX2 messages (files) per person, over all their facilities; at least
 *                           this many are written, a few more where the last visit overshoots
 * @param updatePercent      share of orders (OMP-01, OMP-02, OML-11), in percent, updated later: the
 *                           first version kept with condition flag 2, the new one written as flag 1
 * @param deletePercent      share of orders, in percent, deleted later: the order and its cancel
 *                           message both kept with condition flag 0
 * @param jahisUtf8Percent   share of JAHIS files, in percent, written in UTF-8 instead of Shift_JIS
 * @param until              the last day of care written
 * @param years              how many years of care, ending on {@code until}
 */
public record SourceOptions(long seed, int messagesPerPatient, double updatePercent, double deletePercent,
                            int jahisUtf8Percent, LocalDate until, int years) {

    /** Care up to the day before the generator's reference date, 1 April 2026. */
    public static final LocalDate UNTIL = LocalDate.of(2026, 3, 31);

    public SourceOptions {
        if (messagesPerPatient < 1) {
            throw new IllegalArgumentException("messages per patient must be at least 1");
        }
        if (updatePercent < 0 || deletePercent < 0 || updatePercent + deletePercent > 100) {
            throw new IllegalArgumentException("update and delete percentages must be 0–100 together");
        }
        if (jahisUtf8Percent < 0 || jahisUtf8Percent > 100) {
            throw new IllegalArgumentException("the UTF-8 share of JAHIS files must be 0–100");
        }
        if (years < 1 || years > 30) {
            throw new IllegalArgumentException("years must be 1–30");
        }
    }

    /** 40 messages a person, 2 % of orders updated and 0.5 % deleted, 10 % UTF-8 JAHIS files, 5 years. */
    public static SourceOptions defaults(long seed) {
        return new SourceOptions(seed, 40, 2, 0.5, 10, UNTIL, 5);
    }

    public SourceOptions withMessagesPerPatient(int messages) {
        return new SourceOptions(seed, messages, updatePercent, deletePercent, jahisUtf8Percent, until, years);
    }

    public SourceOptions withRevisions(double updates, double deletes) {
        return new SourceOptions(seed, messagesPerPatient, updates, deletes, jahisUtf8Percent, until, years);
    }

    /** Care up to {@code day} (e.g. yesterday, for a demo whose records are current). */
    public SourceOptions withUntil(LocalDate day) {
        return new SourceOptions(seed, messagesPerPatient, updatePercent, deletePercent, jahisUtf8Percent, day, years);
    }

    public SourceOptions withJahisUtf8Percent(int percent) {
        return new SourceOptions(seed, messagesPerPatient, updatePercent, deletePercent, percent, until, years);
    }

    /** The first day of care written. */
    public LocalDate from() {
        return until.minusYears(years).plusDays(1);
    }
}
