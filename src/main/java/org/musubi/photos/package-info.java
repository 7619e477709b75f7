/**
 * Photos uploaded to be kept — by residents to their health notebook (a paper checkup result; the emergency sheet's
 * paper form) and by a home-care team's members (a wound photo in the team's workspace, {@code carenet}):
 * {@link org.musubi.photos.PhotoSanitizer} accepts JPEG and PNG only, within a size and pixel limit, turns the
 * picture upright by its EXIF orientation and encodes it again, so that nothing of the file but its pixels is kept
 * (no EXIF: no location, camera or time; no XMP, comments or colour profile). Plain Java (the JDK's {@code javax.imageio}).
 */
package org.musubi.photos;
