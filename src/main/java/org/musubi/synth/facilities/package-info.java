/**
 * The facilities of a synthetic network and their staff: the mix of facility kinds, invented names,
 * medical-institution codes, and the users each facility gets with their professions and demo login ids.
 */
package org.musubi.synth.facilities;
