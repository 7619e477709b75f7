/**
 * Cross-cutting handling of HTTP requests that belongs to no feature: how many are served at once.
 */
package org.musubi.web;
