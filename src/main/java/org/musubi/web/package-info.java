/**
 * Cross-cutting handling of HTTP requests that belongs to no feature: how many are served at once, QR codes drawn
 * as inline SVG for the pages that show one, and (in {@code servlet}) how a file someone uploaded is served
 * without running in a browser.
 */
package org.musubi.web;
