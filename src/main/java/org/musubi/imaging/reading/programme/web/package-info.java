/** The double reading programmes' pages: operators' programmes, readers' worklist and item, statistics. */
package org.musubi.imaging.reading.programme.web;
