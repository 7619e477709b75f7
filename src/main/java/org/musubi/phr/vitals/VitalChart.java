package org.musubi.phr.vitals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The measures a resident sees charted, one page each: blood pressure draws systolic and diastolic pressure together,
 * blood glucose its fasting and after-meal values; every other chart one measure.
 */
public enum VitalChart {
    WEIGHT("weight", List.of(Vital.WEIGHT)),
    BMI("bmi", List.of(Vital.BMI)),
    HEIGHT("height", List.of(Vital.HEIGHT)),
    TEMPERATURE("temperature", List.of(Vital.TEMPERATURE)),
    BLOOD_PRESSURE("blood-pressure", List.of(Vital.SYSTOLIC, Vital.DIASTOLIC)),
    PULSE("pulse", List.of(Vital.PULSE)),
    GLUCOSE("glucose", List.of(Vital.GLUCOSE_FASTING, Vital.GLUCOSE_AFTER_MEAL)),
    SPO2("spo2", List.of(Vital.SPO2)),
    STEPS("steps", List.of(Vital.STEPS));

    private final String key;
    private final List<Vital> series;

    VitalChart(String key, List<Vital> series) {
        this.key = key;
        this.series = series;
    }

    /** The chart's name in its address {@code /phr/vitals/{key}}. */
    public String key() {
        return key;
    }

    /** The measures drawn, one line each. */
    public List<Vital> series() {
        return series;
    }

    public static Optional<VitalChart> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** The chart a measure is drawn on. */
    public static VitalChart of(Vital vital) {
        return Arrays.stream(values()).filter(c -> c.series.contains(vital)).findFirst().orElseThrow();
    }
}
