/**
 * Cross-cutting handling of HTTP requests that belongs to no feature: how many are served at once, and QR codes
 * drawn as inline SVG for the pages that show one.
 */
package org.musubi.web;
