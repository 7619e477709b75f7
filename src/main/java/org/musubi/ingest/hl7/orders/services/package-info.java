/**
 * Orders for services and what was performed for them: lab, radiology, endoscopy and physiology orders (OML-01,
 * OMG-01/02/03 → ServiceRequest), performed imaging (OMG-11/12 → ImagingStudy and Procedure) and diet orders
 * (OMD → NutritionOrder).
 */
package org.musubi.ingest.hl7.orders.services;
