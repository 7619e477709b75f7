package org.musubi.imaging.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.identity.IdentityStore;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.imaging.studies.StudyIndex;
import org.musubi.registry.Facility;
import org.musubi.testing.DicomStudies;
import org.musubi.testing.FhirClients;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.OrthancServer;

/**
 * Test studies for the viewer until the indexer is merged: synthetic CT images made with dcmtk and uploaded to the
 * shared Orthanc, an ImagingStudy written by the hospital through its FHIR API for its patient, and the study's row in
 * the {@link StudyIndex}, as the indexer will write them. Skips the calling test without Orthanc or dcmtk.
 */
public final class ViewerStudies {

    private ViewerStudies() {
    }

    /** A study in the archive and in the record: its images and the ImagingStudy's id. */
    public record Made(DicomStudies dicom, String resourceId, long sourcePatientId) {
        public String uid() {
            return dicom.studyUid();
        }
    }

    /**
     * A CT study of {@code images} images of the hospital's patient {@code localId}, registered already as its Patient
     * {@code patient} (written before the hospital links the person, while the hospital names it by its own id).
     */
    public static Made ct(FhirClients clients, int port, IdentityStore identities, StudyIndex index, Facility hospital,
                          String localId, String patient, int images) throws Exception {
        return ct(clients, port, identities, index, hospital, localId, patient, images, null);
    }

    /**
     * The same study with each image compressed by a dcmtk tool before it is uploaded ({@code compressor}, as below),
     * indexed with its first image ({@code firstImageKnown}, as the indexer records it since V83) or without it (as a
     * study indexed before V83: the viewer then finds the first image from the archive's lists).
     */
    public static Made ct(FhirClients clients, int port, IdentityStore identities, StudyIndex index, Facility hospital,
                          String localId, String patient, int images, String compressor, boolean firstImageKnown)
            throws Exception {
        return made(clients, port, identities, index, hospital, localId, patient, DicomStudies.ct(localId, null, images),
                compressor, firstImageKnown);
    }

    /**
     * The same study with each image compressed by a dcmtk tool before it is uploaded ({@code /usr/bin/dcmcjpeg}:
     * lossless JPEG, {@code /usr/bin/dcmcjpls}: JPEG-LS lossless), as a hospital's PACS often stores them; {@code
     * null}: uncompressed (Explicit VR Little Endian).
     */
    public static Made ct(FhirClients clients, int port, IdentityStore identities, StudyIndex index, Facility hospital,
                          String localId, String patient, int images, String compressor) throws Exception {
        return ct(clients, port, identities, index, hospital, localId, patient, images, compressor, true);
    }

    /** The same study of {@code size} × {@code size} images (a CT's are 512 × 512), uncompressed. */
    public static Made ctOfSize(FhirClients clients, int port, IdentityStore identities, StudyIndex index,
                                Facility hospital, String localId, String patient, int images, int size)
            throws Exception {
        return made(clients, port, identities, index, hospital, localId, patient,
                DicomStudies.ct(localId, null, images).withSize(size), null, true);
    }

    private static Made made(FhirClients clients, int port, IdentityStore identities, StudyIndex index,
                             Facility hospital, String localId, String patient, DicomStudies dicom, String compressor,
                             boolean firstImageKnown) throws Exception {
        OrthancServer orthanc = OrthancServer.sharedOrSkip();
        int images = dicom.images();
        Path dir = Files.createTempDirectory("viewer-study");
        try {
            for (Path file : dicom.write(dir)) {
                orthanc.upload(compressor == null ? file : compressed(compressor, file));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        IGenericClient fhir = clients.fhirFor(port, hospital, "system/*.read", "system/*.write");
        ImagingStudy study = new ImagingStudy().setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE)
                .setSubject(new Reference("Patient/" + patient));
        study.addIdentifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + dicom.studyUid());
        study.setNumberOfSeries(1).setNumberOfInstances(images);
        String id = FhirRecords.create(fhir, study);
        long source = identities.sourcePatient(hospital.id(), localId).orElseThrow().id();
        index.put(new IndexedStudy(dicom.studyUid(), id, source, hospital.id(), "CT", dicom.accession(), null, 1,
                images, firstImageKnown ? new IndexedStudy.FirstImage(dicom.seriesUid(1), dicom.instanceUid(1, 1))
                        : null));
        return new Made(dicom, id, source);
    }

    private static Path compressed(String compressor, Path file) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of(compressor)),
                compressor + " (dcmtk) not installed: compressed test studies cannot be made, test skipped");
        Path out = file.resolveSibling("compressed-" + file.getFileName());
        Process process = new ProcessBuilder(compressor, file.toString(), out.toString()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(compressor + " failed: " + output);
        }
        return out;
    }

    /** The proxy's paths of every kind for one image of the study (all must answer alike to a refused caller). */
    public static List<String> everyUrl(String study, String series, String instance) {
        String s = "/imaging/dicomweb/studies/" + study;
        String i = s + "/series/" + series + "/instances/" + instance;
        return List.of("/imaging/viewer/studies/" + study, s, s + "/metadata", s + "/series",
                s + "/series/" + series + "/metadata", s + "/series/" + series + "/instances", i + "/metadata",
                i + "/frames/1", i + "/rendered", i + "/frames/1/rendered", i + "/thumbnail", i + "/bulk/7FE00010");
    }
}
