/** The remote readings' pages: the viewer's request form, the centre's worklist, the requester's list and reports. */
package org.musubi.imaging.reading.remote.web;
