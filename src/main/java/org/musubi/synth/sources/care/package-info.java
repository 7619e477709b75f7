/**
 * A person's care at one facility as its system records it: the facilities they attend, their chart and
 * health, and the course of events over the years (visits, prescriptions, laboratory orders, problems,
 * hospital stays), with order numbering and revisions. The SS-MIX2 and JAHIS writers turn these into files.
 */
package org.musubi.synth.sources.care;
