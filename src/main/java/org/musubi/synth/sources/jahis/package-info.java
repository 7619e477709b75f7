/**
 * JAHIS e-medication-notebook files: what a person's pharmacies dispense, and each pharmacy's file per
 * patient in Shift_JIS or UTF-8.
 */
package org.musubi.synth.sources.jahis;
