/**
 * Imaging's pages on a Musubi without a DICOM archive ({@code musubi.imaging.orthanc-url} empty): every imaging page
 * answers one page that says, in the user's language (Japanese first), that imaging is not set up and whom to ask.
 */
package org.musubi.imaging.archive.web;
