/**
 * Charts on the ground floor (issue 68): SVG drawn on the server ({@link org.musubi.charts.Charts}), for the
 * secretariat's dashboard and the surveillance's page. It depends on no feature module.
 */
package org.musubi.charts;
