/**
 * Disaster mode's pages: the banner every page shows while it is on anywhere ({@link
 * org.musubi.disaster.web.DisasterBannerAdvice}), the network operator's page {@code /admin/disaster} to switch it on
 * and off (with a confirmation step) and to see its history, and the responder designation on the facility's admin
 * page.
 */
package org.musubi.disaster.web;
