/**
 * The secretariat's statistics (issue 45): participating facilities by kind and role per month, cards issued per month,
 * registered residents as a share of the population per municipality (with a small-count rule), two-way facilities,
 * use per facility, the 名寄せ queue's age and emergency accesses — computed from the registry, consent, identity and
 * the audit trail, never from a patient's record; rollups refreshed hourly on one node; charts as SVG, CSV per figure,
 * and a one-page PDF for the board. {@code jdbc} is its store, {@code web} the operators' pages. A named interface: the
 * demo network seeds its year of history through it.
 */
@NamedInterface("stats")
package org.musubi.secretariat.stats;

import org.springframework.modulith.NamedInterface;
