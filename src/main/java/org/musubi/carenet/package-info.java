/**
 * The care network (issue 44): care teams for patients cared for at home — who is in the team, and later the team's
 * notes, tasks and photos, the regional pathways, case consultations and municipal documents. A membership is an
 * access grant kept by {@code consent} and decided on by the access policy. The pathway templates' versioned store and
 * the catalog new enrolments read are {@code carenet.catalog}.
 */
package org.musubi.carenet;
