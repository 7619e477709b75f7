/**
 * A facility's profile for running the network (issue 45): the municipality it lies in, its beds, the cards it accepts
 * when it links a patient, whether the public site lists it, the days it joined and left. Read by the public site, the
 * secretariat's statistics and fees; written by the secretariat (an application's approval, the facility's page). A
 * named interface. Nothing here is about a patient.
 */
@NamedInterface("profile")
package org.musubi.registry.profile;

import org.springframework.modulith.NamedInterface;
