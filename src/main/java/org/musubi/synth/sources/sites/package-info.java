/**
 * The facilities that write source files: hospitals and clinics (SS-MIX2) and pharmacies (JAHIS), the staff
 * named in their records, and how each numbers its patients.
 */
package org.musubi.synth.sources.sites;
