/**
 * The demo's story of every wing of the network (issue 67): a referral letter waiting in a clinic's inbox and one
 * answered, a Box file shared, a home-care team with its thread, a case consultation, a stroke-pathway enrolment at
 * its second stage, a municipality's request for a doctor's opinion, and the demo accounts of the roles that use them.
 * Told after the demo's records and story, through the same use cases people use, each as the user who would act, so
 * that the audit trail holds what the real flows leave; dated relative to today.
 */
package org.musubi.demo.wings;
