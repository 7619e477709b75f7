/**
 * The emergency pages: {@code /emergency} for ambulance crews on a phone (find, open, the minimum dataset, the
 * hand-over), and the receiving hospital's side (its inbox of hand-overs, opening one, and its own break-the-glass
 * for more).
 */
package org.musubi.emergency.web;
